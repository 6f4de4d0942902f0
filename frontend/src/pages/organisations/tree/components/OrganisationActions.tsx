import { useState } from 'react';
import { App, Button, Form, Input, Popconfirm, Select, Space } from 'antd';
import {
  DeleteOutlined,
  EditOutlined,
  PlusOutlined,
  RollbackOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import { useMutation } from 'urql';
import FormModal from '../../../../components/FormModal';
import type { OrganisationKind } from '../../../../graphql/graphql';
import { ENUM_LABELS } from '../../../../graphql/enumLabels';
import { t } from '../../../../locales';
import { payloadSucceeded } from '../../../../utils/fieldErrors';
import { INPUT_LIMITS, counter, lengthRule } from '../../../../utils/limits';
import {
  OrganisationArchiveMutation,
  OrganisationCreateMutation,
  OrganisationMoveMutation,
  OrganisationRestoreMutation,
  OrganisationUpdateMutation,
} from '../queries';
import type { OrganisationTreeNode } from './buildTree';

const LIMITS = INPUT_LIMITS.OrganisationCreateInput;
// The fields each dialog shows: an error on another field (a name clash on a move) is shown
// above the form instead of under a field that is not there.
const DIALOG_FIELDS = {
  create: ['kind', 'name', 'code', 'address', 'secretaryName', 'phone'],
  edit: ['name', 'code', 'address', 'secretaryName', 'phone'],
  move: ['parent'],
} as const;

export interface ManagedOrganisation {
  id: string;
  name: string;
  code?: string | null;
  address?: string | null;
  secretaryName?: string | null;
  phone?: string | null;
  archivedAt?: string | null;
  parent?: { id: string } | null;
  childKinds: readonly OrganisationKind[];
}

interface Values {
  kind?: OrganisationKind;
  name: string;
  code?: string;
  address?: string;
  secretaryName?: string;
  phone?: string;
}

type Dialog = 'create' | 'edit' | 'move' | null;

/**
 * What a street administrator does with the organisation shown: add one below it, edit it,
 * move it under another, archive or restore it. `onChanged` reloads the tree (and selects the
 * organisation named, if any).
 */
export default function OrganisationActions({
  organisation,
  roots,
  onChanged,
}: {
  organisation: ManagedOrganisation;
  roots: readonly OrganisationTreeNode[];
  onChanged: (select?: string) => void;
}) {
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm<Values & { parent?: string }>();
  const [error, setError] = useState<string | null>(null);
  const [{ fetching: creating }, create] = useMutation(OrganisationCreateMutation);
  const [{ fetching: updating }, update] = useMutation(OrganisationUpdateMutation);
  const [{ fetching: moving }, move] = useMutation(OrganisationMoveMutation);
  const [{ fetching: archiving }, archive] = useMutation(OrganisationArchiveMutation);
  const [{ fetching: restoring }, restore] = useMutation(OrganisationRestoreMutation);
  const archived = Boolean(organisation.archivedAt);
  // The street working committee is the root of the tree: it is neither moved nor archived.
  const root = !organisation.parent;

  const open = (next: Dialog) => {
    setError(null);
    form.resetFields();
    if (next === 'edit')
      form.setFieldsValue({
        name: organisation.name,
        code: organisation.code ?? undefined,
        address: organisation.address ?? undefined,
        secretaryName: organisation.secretaryName ?? undefined,
        phone: organisation.phone ?? undefined,
      });
    if (next === 'create' && organisation.childKinds.length === 1)
      form.setFieldsValue({ kind: organisation.childKinds[0] });
    setDialog(next);
  };
  const formTarget = { instance: form, fields: dialog ? DIALOG_FIELDS[dialog] : [] };
  const done = (text: string, select?: string) => {
    message.success(text);
    setDialog(null);
    onChanged(select);
  };
  const optional = (value?: string) => value?.trim() || null;

  const onFinish = async (values: Values & { parent?: string }) => {
    setError(null);
    if (dialog === 'create') {
      const result = await create({
        input: {
          parent: organisation.id,
          kind: values.kind as OrganisationKind,
          name: values.name.trim(),
          code: optional(values.code),
          address: optional(values.address),
          secretaryName: optional(values.secretaryName),
          phone: optional(values.phone),
        },
      });
      const payload = result.data?.organisationCreate;
      if (payloadSucceeded(result, payload, setError, formTarget))
        done(t('pages.organisations.created'), payload.organisation?.id);
    } else if (dialog === 'edit') {
      const result = await update({
        input: {
          id: organisation.id,
          name: values.name.trim(),
          code: optional(values.code),
          address: optional(values.address),
          secretaryName: optional(values.secretaryName),
          phone: optional(values.phone),
        },
      });
      if (payloadSucceeded(result, result.data?.organisationUpdate, setError, formTarget))
        done(t('pages.organisations.saved'));
    } else if (dialog === 'move' && values.parent) {
      const result = await move({ input: { id: organisation.id, parent: values.parent } });
      if (payloadSucceeded(result, result.data?.organisationMove, setError, formTarget))
        done(t('pages.organisations.moved'));
    }
  };

  const onArchive = async () => {
    const result = await archive({ id: organisation.id });
    if (payloadSucceeded(result, result.data?.organisationArchive, (text) => message.error(text)))
      done(t('pages.organisations.archived'));
  };
  const onRestore = async () => {
    const result = await restore({ id: organisation.id });
    if (payloadSucceeded(result, result.data?.organisationRestore, (text) => message.error(text)))
      done(t('pages.organisations.restored'));
  };

  // Another parent: any organisation outside this one's own subtree (the server checks kinds).
  const own = new Set<string>();
  const collect = (nodes: readonly OrganisationTreeNode[], inside: boolean) => {
    for (const n of nodes) {
      const here = inside || n.key === organisation.id;
      if (here) own.add(n.key);
      collect(n.children, here);
    }
  };
  collect(roots, false);
  const parents: { value: string; label: string }[] = [];
  const list = (nodes: readonly OrganisationTreeNode[]) => {
    for (const n of nodes) {
      if (!own.has(n.key) && !n.organisation.archivedAt)
        parents.push({ value: n.key, label: `${n.organisation.name}（${n.organisation.kindLabel}）` });
      list(n.children);
    }
  };
  list(roots);

  const busy = creating || updating || moving;
  return (
    <>
      <Space wrap>
        {!archived && organisation.childKinds.length > 0 ? (
          <Button icon={<PlusOutlined />} onClick={() => open('create')} data-testid="organisation-add-child">
            {t('pages.organisations.addChild')}
          </Button>
        ) : null}
        {!archived ? (
          <Button icon={<EditOutlined />} onClick={() => open('edit')} data-testid="organisation-edit">
            {t('pages.organisations.edit')}
          </Button>
        ) : null}
        {!archived && !root ? (
          <Button icon={<SwapOutlined />} onClick={() => open('move')} data-testid="organisation-move">
            {t('pages.organisations.move')}
          </Button>
        ) : null}
        {root ? null : archived ? (
          <Button
            icon={<RollbackOutlined />}
            loading={restoring}
            onClick={() => void onRestore()}
            data-testid="organisation-restore"
          >
            {t('pages.organisations.restore')}
          </Button>
        ) : (
          <Popconfirm
            title={t('pages.organisations.archive.confirm', { name: organisation.name })}
            okText={t('pages.organisations.archive')}
            cancelText={t('pages.common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => void onArchive()}
          >
            <Button danger icon={<DeleteOutlined />} loading={archiving} data-testid="organisation-archive">
              {t('pages.organisations.archive')}
            </Button>
          </Popconfirm>
        )}
      </Space>
      <FormModal
        open={dialog !== null}
        title={
          dialog === 'create'
            ? t('pages.organisations.addChild.title', { name: organisation.name })
            : dialog === 'move'
              ? t('pages.organisations.move.title', { name: organisation.name })
              : t('pages.organisations.edit.title')
        }
        okText={dialog === 'create' ? t('pages.organisations.addChild.ok') : t('pages.common.save')}
        busy={busy}
        error={error}
        onOk={() => form.submit()}
        onCancel={() => setDialog(null)}
        testId="organisation-modal"
      >
        <Form form={form} layout="vertical" name="organisation" onFinish={(v) => void onFinish(v)}>
          {dialog === 'move' ? (
            <Form.Item
              name="parent"
              label={t('pages.organisations.move.parent')}
              rules={[{ required: true, message: t('pages.organisations.move.parent.required') }]}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={parents}
                style={{ width: '100%' }}
                data-testid="organisation-move-parent"
              />
            </Form.Item>
          ) : (
            <>
              {dialog === 'create' ? (
                <Form.Item
                  name="kind"
                  label={t('pages.organisations.kind')}
                  rules={[{ required: true, message: t('pages.organisations.kind.required') }]}
                >
                  <Select
                    options={organisation.childKinds.map((kind) => ({
                      value: kind,
                      label: ENUM_LABELS.OrganisationKind[kind],
                    }))}
                    data-testid="organisation-kind"
                  />
                </Form.Item>
              ) : null}
              <Form.Item
                name="name"
                label={t('pages.common.name')}
                rules={[
                  { required: true, whitespace: true, message: t('pages.organisations.name.required') },
                  lengthRule(LIMITS.name),
                ]}
              >
                <Input count={counter(LIMITS.name)} data-testid="organisation-name-input" />
              </Form.Item>
              <Form.Item
                name="secretaryName"
                label={t('pages.organisations.secretary')}
                rules={[lengthRule(LIMITS.secretaryName)]}
              >
                <Input count={counter(LIMITS.secretaryName)} />
              </Form.Item>
              <Form.Item
                name="address"
                label={t('pages.organisations.address')}
                rules={[lengthRule(LIMITS.address)]}
              >
                <Input count={counter(LIMITS.address)} />
              </Form.Item>
              <Space wrap style={{ width: '100%' }}>
                <Form.Item
                  name="phone"
                  label={t('pages.organisations.phone')}
                  rules={[lengthRule(LIMITS.phone)]}
                >
                  <Input count={counter(LIMITS.phone)} />
                </Form.Item>
                <Form.Item
                  name="code"
                  label={t('pages.organisations.code')}
                  rules={[lengthRule(LIMITS.code)]}
                >
                  <Input count={counter(LIMITS.code)} />
                </Form.Item>
              </Space>
            </>
          )}
        </Form>
      </FormModal>
    </>
  );
}
