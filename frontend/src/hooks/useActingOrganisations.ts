import { useEffect, useMemo } from 'react';
import type { FormInstance } from 'antd';
import { useQuery } from 'urql';
import { graphql } from '../graphql';
import type { OrganisationKind, ViewerAction } from '../graphql/graphql';

export const ActingOrganisationsQuery = graphql(`
  query ActingOrganisations($action: ViewerAction!, $kind: OrganisationKind) {
    me {
      id
      organisationsFor(action: $action, kind: $kind) {
        id
        name
      }
    }
  }
`);

/**
 * The organisations a form may act in, as the server's rule for `action` finds them (the
 * street first, then its communities by name); read only while `active`, e.g. a modal is
 * open. `only` is the one choice when there is exactly one.
 */
export function useActingOrganisations(
  action: ViewerAction,
  { active, kind }: { active: boolean; kind?: OrganisationKind },
) {
  const [{ data, fetching }] = useQuery({
    query: ActingOrganisationsQuery,
    variables: { action, kind: kind ?? null },
    pause: !active,
  });
  const options = useMemo(
    () => (data?.me?.organisationsFor ?? []).map((o) => ({ value: o.id, label: o.name })),
    [data],
  );
  return { options, loading: fetching, only: options.length === 1 ? options[0].value : undefined };
}

/**
 * Fills a form's organisation field with the one choice once it has loaded (the options
 * arrive after the form opens), unless the field already holds a value.
 */
export function useChooseOnly(form: FormInstance, field: string, only: string | undefined, active: boolean) {
  useEffect(() => {
    if (active && only && !form.getFieldValue(field)) form.setFieldValue(field, only);
  }, [form, field, only, active]);
}
