// The `xliff` package ships no type declarations; these cover the parts Tessera uses.
declare module 'xliff/createjs' {
  export interface XliffJs {
    sourceLanguage: string;
    targetLanguage: string;
    resources: Record<string, Record<string, { source: unknown; target?: unknown; note?: unknown }>>;
  }
  type Callback = (err: Error | null, js: XliffJs) => void;
  export default function createjs(
    srcLng: string,
    trgLng: string,
    srcKeys: Record<string, string>,
    trgKeys: Record<string, string>,
    ns: string,
    cb: Callback,
  ): XliffJs;
}
