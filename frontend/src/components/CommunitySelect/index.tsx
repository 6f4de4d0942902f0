import { Select } from 'antd';
import { useAllNodes } from '../../hooks/useAllNodes';
import { useAccess } from '../../providers/AuthProvider';
import { CommunityOptionsQuery } from './queries';

interface Props {
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  placeholder: string;
  testId?: string;
}

/**
 * A select of the community committees (社区党委), for list filters. Not shown to roles that may
 * not read the organisation tree (a unit liaison sees one unit anyway).
 */
export default function CommunitySelect(props: Props) {
  const { canReadOrganisations } = useAccess();
  return canReadOrganisations ? <CommunityOptions {...props} /> : null;
}

function CommunityOptions({ value, onChange, placeholder, testId }: Props) {
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
