import type { ReactNode } from 'react';
import { Flex, Input } from 'antd';
import CommunitySelect from './CommunitySelect';
import { t } from '../locales';
import { searchCounter } from '../utils/limits';

/** Search box, community filter and any extra filters above a list table. */
export default function ListToolbar({
  search,
  onSearch,
  searchPlaceholder,
  community,
  onCommunityChange,
  testIdPrefix,
  children,
}: {
  search?: string;
  onSearch?: (value: string) => void;
  searchPlaceholder?: string;
  community?: string | undefined;
  onCommunityChange?: (value: string | undefined) => void;
  testIdPrefix: string;
  children?: ReactNode;
}) {
  return (
    <Flex gap={12} wrap className="list-toolbar">
      {onSearch ? (
        <Input.Search
          key={search}
          defaultValue={search}
          allowClear
          enterButton
          count={searchCounter()}
          placeholder={searchPlaceholder}
          aria-label={searchPlaceholder}
          data-testid={`${testIdPrefix}-search`}
          style={{ maxWidth: 320 }}
          onSearch={onSearch}
        />
      ) : null}
      {onCommunityChange ? (
        <CommunitySelect
          value={community}
          onChange={onCommunityChange}
          placeholder={t('pages.common.filterCommunity')}
          testId={`${testIdPrefix}-filter-community`}
        />
      ) : null}
      {children}
    </Flex>
  );
}
