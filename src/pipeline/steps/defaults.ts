/** Where steps write unless told (`out`): shared by the steps and what looks ahead of them (index.ts). */
export const XLIFF_OUT = 'out/xliff';
export const EDITIONS_OUT = 'out/editions';
