import { useState } from 'react';
import { Select, Typography } from 'antd';
import { useQuery } from 'urql';
import { t } from '../../../locales';
import { ChairCandidatesQuery } from '../list/queries';
import { useTypeahead } from '../../../hooks/useTypeahead';

type Option = { value: string; label: string };

/**
 * 主持人: a person of the convening organisation, found by name as it is typed. Inside a
 * Form.Item it takes the item's value and onChange; `initial` names the chair already set.
 */
export default function ChairSelect({
  organisation,
  active,
  initial,
  value,
  onChange,
}: {
  organisation: string | undefined;
  active: boolean;
  initial?: Option | null;
  value?: string | null;
  onChange?: (value: string | null) => void;
}) {
  const typeahead = useTypeahead();
  const [chairs] = useQuery({
    query: ChairCandidatesQuery,
    variables: { organisation: organisation ?? null, search: typeahead.search },
    pause: !active || !organisation || typeahead.tooLongMessage !== undefined,
  });
  // The chosen chair stays among the options while another search's results come in.
  const [chosen, setChosen] = useState<Option | null>(initial ?? null);
  const found = (typeahead.shown(chairs.data)?.people.nodes ?? []).map((p) => ({
    value: p.id,
    label: p.name,
  }));
  const options = chosen && !found.some((o) => o.value === chosen.value) ? [chosen, ...found] : found;
  return (
    <Select
      allowClear
      showSearch={{ filterOption: false, onSearch: typeahead.onSearch }}
      options={options}
      value={value ?? undefined}
      onChange={(next: string | undefined) => {
        setChosen(options.find((o) => o.value === next) ?? null);
        onChange?.(next ?? null);
      }}
      loading={chairs.fetching}
      placeholder={t('pages.meetings.create.chair.placeholder')}
      notFoundContent={t('pages.meetings.create.chair.none')}
      // The chosen chair stays an option; a text too long to look up says so instead of the list.
      popupRender={(menu) =>
        typeahead.tooLongMessage ? (
          <Typography.Text type="secondary" style={{ display: 'block', padding: '5px 12px' }}>
            {typeahead.tooLongMessage}
          </Typography.Text>
        ) : (
          menu
        )
      }
      data-testid="meeting-chair"
    />
  );
}
