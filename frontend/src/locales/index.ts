import zhCN, { type MessageKey } from './zh-CN';

export type { MessageKey };

/** Look up a UI text and fill `{placeholders}`. */
export function t(key: MessageKey, values?: Record<string, string | number>): string {
  const text: string = zhCN[key];
  if (!values) return text;
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}
