/**
 * Pipelines are YAML files in pipelines/: a description and an ordered list of steps, each a
 * one-key mapping from the step's name to its options (kebab-case, as on the command line).
 * Comments are welcome — a pipeline is reviewed like code. The whole file is checked before
 * anything runs: unknown steps and options, wrong types, are reported with file, line and
 * column and the valid choices.
 */
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { InputError, diagnostic, inputError, msg } from '../core/errors.js';
import type { Diagnostic, Message } from '../core/types.js';
import { STEPS, type OptionType } from './steps/index.js';

export interface PipelineStep {
  name: string;
  /** camelCase options, ready for the step function. */
  options: Record<string, unknown>;
  line: number;
}

export interface Pipeline {
  name: string;
  description: string;
  steps: PipelineStep[];
}

const camel = (s: string): string => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

export function parsePipeline(content: string, file: string, name: string): Pipeline {
  const lc = new LineCounter();
  const doc = parseDocument(content, { lineCounter: lc, prettyErrors: true });
  const problems: Diagnostic[] = [];
  const at = (node: YamlNode | null | undefined): { line?: number; column?: number } => {
    const r = node?.range;
    if (!r) return {};
    const p = lc.linePos(r[0]);
    return { line: p.line, column: p.col };
  };
  const problem = (node: YamlNode | null | undefined, message: Message, hint?: Message): void => {
    problems.push(diagnostic('error', 'pipeline', message, { file, ...at(node) }, hint));
  };
  for (const e of doc.errors) {
    const p = e.linePos?.[0];
    problems.push(diagnostic('error', 'pipeline', msg('errors.pipeline.yaml', { detail: e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '') }), { file, ...(p ? { line: p.line, column: p.col } : {}) }));
  }
  if (problems.length) throw new InputError(problems);
  const root = doc.contents;
  if (!isMap(root)) throw inputError(msg('errors.pipeline.notMapping'), { file, line: 1 }, undefined, 'pipeline');
  let description = '';
  const steps: PipelineStep[] = [];
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (key === 'description') description = isScalar(pair.value) ? String(pair.value.value) : '';
    else if (key === 'steps') {
      if (!isSeq(pair.value)) {
        problem(pair.value as YamlNode, msg('errors.pipeline.stepsNotList'));
        continue;
      }
      for (const item of pair.value.items) {
        const node = item as YamlNode;
        let stepName: string | undefined;
        let optsNode: YamlNode | null | undefined;
        if (isScalar(node)) stepName = String(node.value);
        else if (isMap(node) && node.items.length === 1 && isScalar(node.items[0]!.key)) {
          stepName = String((node.items[0]!.key as { value: unknown }).value);
          optsNode = node.items[0]!.value as YamlNode | null;
        } else {
          problem(node, msg('errors.pipeline.stepShape'));
          continue;
        }
        const spec = STEPS[stepName];
        if (!spec) {
          problem(node, msg('errors.pipeline.unknownStep', { step: stepName }), msg('errors.pipeline.steps', { list: Object.keys(STEPS) }));
          continue;
        }
        const options: Record<string, unknown> = {};
        if (optsNode && !(isScalar(optsNode) && optsNode.value === null)) {
          if (!isMap(optsNode)) {
            problem(optsNode, msg('errors.pipeline.optionsNotMapping', { step: stepName }));
            continue;
          }
          for (const op of optsNode.items) {
            const k = isScalar(op.key) ? String(op.key.value) : '';
            const type = spec.options[k];
            if (!type) {
              problem(op.key as YamlNode, msg('errors.pipeline.noOption', { step: stepName, option: k }), msg('errors.pipeline.options', { list: Object.keys(spec.options) }));
              continue;
            }
            const value = (op.value as YamlNode | null)?.toJSON?.() ?? (isScalar(op.value) ? op.value.value : undefined);
            const checked = coerce(value, type);
            const bad = checked === undefined ? undefined : spec.check?.(k, checked);
            if (bad) problem(op.value as YamlNode, bad.i18n?.message ?? msg('errors.pipeline.badValue', { detail: bad.message }), bad.i18n?.hint);
            else if (checked === undefined) problem(op.value as YamlNode, msg(`errors.pipeline.type.${type === 'string[]' ? 'list' : type}`, { step: stepName, option: k }));
            else options[camel(k)] = checked;
          }
        }
        steps.push({ name: stepName, options, line: at(node).line ?? 0 });
      }
    } else problem(pair.key as YamlNode, msg('errors.pipeline.unknownKey', { key }), msg('errors.pipeline.keysHint'));
  }
  if (problems.length) throw new InputError(problems);
  if (steps.length === 0) throw inputError(msg('errors.pipeline.noSteps'), { file }, undefined, 'pipeline');
  return { name, description, steps };
}

function coerce(v: unknown, t: OptionType): unknown {
  switch (t) {
    case 'string':
      return typeof v === 'string' ? v : undefined;
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
    case 'boolean':
      return typeof v === 'boolean' ? v : undefined;
    case 'gate':
      if (typeof v === 'number' || typeof v === 'string') return v;
      if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v;
      if (v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'number')) return v;
      return undefined;
    case 'string[]':
      if (typeof v === 'string') return [v];
      return Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : undefined;
  }
}
