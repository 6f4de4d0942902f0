import { useState } from 'react';
import { AutoComplete } from 'antd';

export interface Suggestion {
  value: string;
  label: string;
}

/**
 * A free-text filter with suggestions: picking one, pressing Enter, leaving the field or clearing
 * it applies the value. Re-mount it (key) when the applied value changes from outside.
 */
export default function SuggestInput({
  value,
  suggestions,
  placeholder,
  testId,
  onApply,
}: {
  value: string | undefined;
  suggestions: Suggestion[];
  placeholder: string;
  testId: string;
  onApply: (value: string | undefined) => void;
}) {
  const [draft, setDraft] = useState(value ?? '');
  // A suggested value shows as its Chinese name; a typed name applies its value.
  const labelOf = (text: string) => suggestions.find((s) => s.value === text)?.label;
  const valueOf = (text: string) => suggestions.find((s) => s.label === text)?.value ?? text;
  const apply = (next: string) => {
    const trimmed = valueOf(next.trim()) || undefined;
    if (trimmed !== value) onApply(trimmed);
  };
  return (
    <AutoComplete
      value={labelOf(draft) ?? draft}
      allowClear
      placeholder={placeholder}
      aria-label={placeholder}
      data-testid={testId}
      style={{ minWidth: 220 }}
      options={suggestions.map((s) => ({ value: s.value, label: s.label }))}
      showSearch={{
        filterOption: (input, option) =>
          !!option &&
          `${option.value} ${String(option.label)}`.toLowerCase().includes(input.trim().toLowerCase()),
      }}
      onChange={(next: string | undefined) => {
        setDraft(valueOf(next ?? ''));
        if (!next) apply('');
      }}
      onSelect={(next: string | undefined) => {
        setDraft(next ?? '');
        apply(next ?? '');
      }}
      onInputKeyDown={(e) => {
        if (e.key === 'Enter') apply(draft);
      }}
      onBlur={() => apply(draft)}
    />
  );
}
