import { Select } from 'antd';
import { useAllNodes } from '../../hooks/useAllNodes';
import { CommunityOptionsQuery } from './queries';

/** A select of the community committees (社区党委), for list filters. */
export default function CommunitySelect({
  value,
  onChange,
  placeholder,
  testId,
}: {
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  placeholder: string;
  testId?: string;
}) {
  const { nodes, loading, error } = useAllNodes(CommunityOptionsQuery, (d) => d.organisations);
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      data-testid={testId}
      aria-label={placeholder}
      placeholder={placeholder}
      style={{ minWidth: 180 }}
      loading={loading}
      status={error ? 'error' : undefined}
      value={value}
      onChange={(v: string | undefined) => onChange(v ?? undefined)}
      options={nodes.map((n) => ({ value: n.id, label: n.name }))}
    />
  );
}
