import type { ReactNode } from 'react';
import { Col, Row } from 'antd';
import { Navigate } from 'react-router-dom';
import Forbidden from '../../components/Forbidden';
import PageContainer from '../../components/PageContainer';
import { t } from '../../locales';
import { useAuth } from '../../providers/AuthProvider';
import { firstPage, visibleRoutes } from '../../routes';
import NeedsWaiting from './components/NeedsWaiting';
import NextMeeting from './components/NextMeeting';
import OverdueActions from './components/OverdueActions';
import StreetFigures from './components/StreetFigures';
import TodayActivities from './components/TodayActivities';
import UnitDispatches from './components/UnitDispatches';

/**
 * `/`, 工作台: what the signed-in user has to do today, from what the server says they may do:
 * the street's figures (the organisation tree's readers), the needs waiting for a unit (who
 * handles needs), the next meeting and the overdue action items (a liaison's: its unit's), today's
 * volunteer activities, the dispatches waiting for the liaison's unit.
 */
export default function HomePage() {
  const { me, access } = useAuth();
  const unit = me?.liaisonUnit?.id;
  const cards: Array<[string, ReactNode]> = [];
  if (access.canReadOrganisations) cards.push(['figures', <StreetFigures />]);
  if (access.canAnswerDispatches) cards.push(['dispatches', <UnitDispatches />]);
  if (access.canHandleNeeds) cards.push(['needs', <NeedsWaiting />]);
  if (access.canReadMeetings) {
    cards.push(['meeting', <NextMeeting />]);
    cards.push(['overdue', <OverdueActions unit={unit} />]);
  }
  if (access.canReadVolunteering) cards.push(['activities', <TodayActivities />]);

  if (cards.length === 0) {
    const target = firstPage(visibleRoutes(access).filter((r) => r.path !== '/'));
    return target ? <Navigate to={target} replace /> : <Forbidden />;
  }
  return (
    <PageContainer title={t('pages.home.title', { name: me?.displayName ?? '' })} testId="home-page">
      <Row gutter={[16, 16]}>
        {cards.map(([key, card]) => (
          <Col xs={24} lg={12} key={key}>
            {card}
          </Col>
        ))}
      </Row>
    </PageContainer>
  );
}
