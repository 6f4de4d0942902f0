import { useState } from 'react';
import { App, Button, Form, Input, InputNumber, Popconfirm, Select, Space, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation } from 'urql';
import FormModal from '../../../../components/FormModal';
import { t } from '../../../../locales';
import { payloadSucceeded } from '../../../../utils/fieldErrors';
import { INPUT_LIMITS, counter, lengthRule, rangeRule } from '../../../../utils/limits';
import { GridArchiveMutation, GridCreateMutation, GridUpdateMutation } from '../queries';

const LIMITS = INPUT_LIMITS.GridCreateInput;
const FIELDS = ['name', 'households', 'branch'] as const;

export interface EditableGrid {
  id: string;
  name: string;
  households: number;
  branch?: { id: string; name: string } | null;
}

interface Values {
  name: string;
  households: number;
  branch?: string | null;
}

/**
 * A community's grids as tags; for its street administrators each opens 编辑网格 (name,
 * households, grid branch, archive), and 新建网格 adds one. `branches` are the community's
 * grid branches.
 */
export default function GridEditor({
  communityId,
  grids,
  branches,
  manage,
  onChanged,
}: {
  communityId: string;
  grids: readonly EditableGrid[];
  branches: ReadonlyArray<{ value: string; label: string }>;
  manage: boolean;
  onChanged: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [editing, setEditing] = useState<EditableGrid | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [{ fetching: creating }, create] = useMutation(GridCreateMutation);
  const [{ fetching: updating }, update] = useMutation(GridUpdateMutation);
  const [{ fetching: archiving }, archive] = useMutation(GridArchiveMutation);

  const open = (grid: EditableGrid | 'new') => {
    setError(null);
    form.resetFields();
    form.setFieldsValue(
      grid === 'new'
        ? { households: 0 }
        : { name: grid.name, households: grid.households, branch: grid.branch?.id ?? null },
    );
    setEditing(grid);
  };
  const done = (text: string) => {
    message.success(text);
    setEditing(null);
    onChanged();
  };
  const target = { instance: form, fields: FIELDS };

  const onFinish = async (values: Values) => {
    setError(null);
    const fields = { name: values.name.trim(), households: values.households, branch: values.branch ?? null };
    if (editing === 'new') {
      const result = await create({ input: { community: communityId, ...fields } });
      if (payloadSucceeded(result, result.data?.gridCreate, setError, target))
        done(t('pages.organisations.grid.created'));
    } else if (editing) {
      const result = await update({ input: { id: editing.id, ...fields } });
      if (payloadSucceeded(result, result.data?.gridUpdate, setError, target))
        done(t('pages.organisations.grid.saved'));
    }
  };
  const onArchive = async (grid: EditableGrid) => {
    const result = await archive({ id: grid.id });
    if (payloadSucceeded(result, result.data?.gridArchive, setError))
      done(t('pages.organisations.grid.archived'));
  };

  return (
    <>
      <Space wrap>
        {grids.map((g) => {
          const label = `${g.name}${g.households ? `（${g.households} 户）` : ''}`;
          return manage ? (
            <Tag key={g.id} style={{ cursor: 'pointer' }} onClick={() => open(g)} data-testid="grid-tag">
              {label}
            </Tag>
          ) : (
            <Tag key={g.id} data-testid="grid-tag">
              {label}
            </Tag>
          );
        })}
        {manage ? (
          <Button size="small" icon={<PlusOutlined />} onClick={() => open('new')} data-testid="grid-add">
            {t('pages.organisations.grid.add')}
          </Button>
        ) : null}
      </Space>
      <FormModal
        open={editing !== null}
        title={editing === 'new' ? t('pages.organisations.grid.add') : t('pages.organisations.grid.edit')}
        okText={t('pages.common.save')}
        busy={creating || updating}
        error={error}
        onOk={() => form.submit()}
        onCancel={() => setEditing(null)}
        testId="grid-modal"
      >
        <Form form={form} layout="vertical" name="grid" onFinish={(v) => void onFinish(v)}>
          <Form.Item
            name="name"
            label={t('pages.common.name')}
            rules={[
              { required: true, whitespace: true, message: t('pages.organisations.grid.name.required') },
              lengthRule(LIMITS.name),
            ]}
          >
            <Input count={counter(LIMITS.name)} data-testid="grid-name" />
          </Form.Item>
          <Form.Item
            name="households"
            label={t('pages.organisations.grid.households')}
            rules={[
              { required: true, message: t('pages.organisations.grid.households.required') },
              rangeRule(LIMITS.households),
            ]}
          >
            <InputNumber style={{ width: 160 }} data-testid="grid-households" />
          </Form.Item>
          <Form.Item name="branch" label={t('pages.organisations.grid.branch')}>
            <Select allowClear options={[...branches]} data-testid="grid-branch" />
          </Form.Item>
          {editing && editing !== 'new' ? (
            <Popconfirm
              title={t('pages.organisations.grid.archive.confirm', { name: editing.name })}
              okText={t('pages.organisations.archive')}
              cancelText={t('pages.common.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => void onArchive(editing)}
            >
              <Button danger loading={archiving} data-testid="grid-archive">
                {t('pages.organisations.grid.archive')}
              </Button>
            </Popconfirm>
          ) : null}
        </Form>
      </FormModal>
    </>
  );
}
