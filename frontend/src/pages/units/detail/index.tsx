import { Button, Card, Descriptions, Space, Tag } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { useQuery } from 'urql';
import NotFound from '../../../components/NotFound';
import PageContainer from '../../../components/PageContainer';
import PageLoading from '../../../components/PageLoading';
import QueryError from '../../../components/QueryError';
import { isNotFound } from '../../../providers/errorHandler';
import { t } from '../../../locales';
import { maskMobile, orNone } from '../../../utils/format';
import AgreementsCard from './components/AgreementsCard';
import MembersCard from './components/MembersCard';
import RegistrationsCard from './components/RegistrationsCard';
import { ResidentUnitDetailQuery } from './queries';

export default function ResidentUnitDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ResidentUnitDetailQuery,
    variables: { id },
  });

  const breadcrumb = [{ title: t('menu.units'), to: '/units' }, { title: t('menu.units.detail') }];
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
      {t('pages.common.back')}
    </Button>
  );

  if (fetching && !data) {
    return (
      <PageContainer title={t('menu.units.detail')} breadcrumb={breadcrumb} testId="unit-detail-page">
        <PageLoading rows={10} />
      </PageContainer>
    );
  }
  const unit = data?.node?.__typename === 'ResidentUnit' ? data.node : null;
  if (!unit && error && !isNotFound(error)) {
    return (
      <PageContainer title={t('menu.units.detail')} breadcrumb={breadcrumb} testId="unit-detail-page">
        <Card>
          <QueryError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
        </Card>
      </PageContainer>
    );
  }
  if (!unit) {
    return (
      <PageContainer title={t('menu.units.detail')} breadcrumb={breadcrumb} testId="unit-detail-page">
        <Card>
          <NotFound backTo="/units" />
        </Card>
      </PageContainer>
    );
  }

  return (
    <PageContainer
      title={
        <Space>
          <span data-testid="unit-detail-name">{unit.name}</span>
          <Tag color="red">{unit.kindLabel}</Tag>
        </Space>
      }
      breadcrumb={[{ title: t('menu.units'), to: '/units' }, { title: unit.name }]}
      extra={back}
      testId="unit-detail-page"
    >
      <Card title={t('pages.units.info')} data-testid="unit-info">
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: '0', label: t('pages.units.name'), children: unit.name },
            { key: '1', label: t('pages.units.kind'), children: unit.kindLabel },
            { key: '2', label: t('pages.units.community'), children: orNone(unit.community?.name) },
            { key: '3', label: t('pages.units.grid'), children: orNone(unit.grid?.name) },
            { key: '4', label: t('pages.units.liaison'), children: orNone(unit.liaison?.name) },
            {
              key: '5',
              label: t('pages.units.liaisonMobile'),
              children: <span data-testid="liaison-mobile">{maskMobile(unit.liaison?.mobile)}</span>,
            },
            {
              key: '6',
              label: t('pages.units.partyOrganisation'),
              children: orNone(unit.partyOrganisationName),
            },
            { key: '7', label: t('pages.units.partyMemberCount'), children: orNone(unit.partyMemberCount) },
            { key: '8', label: t('pages.units.address'), children: orNone(unit.address) },
          ]}
        />
      </Card>
      <AgreementsCard agreements={unit.agreements} />
      <RegistrationsCard registrations={unit.registrations} />
      <MembersCard members={unit.committeeMembers} />
    </PageContainer>
  );
}
