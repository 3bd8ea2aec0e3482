/**
 * Tessera's own interface strings (edition chrome today; CLI messages next), as i18next
 * resources in the `tessera` namespace. They live in src/, apart from the articles' namespaces
 * in locales/, so an article slug can never collide with them.
 * Instances come from createInstance(), never the global singleton.
 */
import i18next, { type i18n, type Resource } from 'i18next';
import ar from './ar.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import fr from './fr.json' with { type: 'json' };
import it from './it.json' with { type: 'json' };

export const UI_NAMESPACE = 'tessera';

export function uiResources(): Resource {
  return { en: { [UI_NAMESPACE]: en }, it: { [UI_NAMESPACE]: it }, fr: { [UI_NAMESPACE]: fr }, ar: { [UI_NAMESPACE]: ar } };
}

export function createUi(lng: string): i18n {
  const inst = i18next.createInstance();
  void inst.init({
    lng,
    fallbackLng: 'en',
    ns: [UI_NAMESPACE],
    defaultNS: UI_NAMESPACE,
    resources: uiResources(),
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  return inst;
}
