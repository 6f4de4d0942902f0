import { Suspense, lazy, type ReactNode } from 'react';
import { App as AntdApp, Button, ConfigProvider, Result } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { Link, Navigate, RouterProvider, createBrowserRouter } from 'react-router-dom';
import type { AccessKey } from './access';
import BasicLayout from './layouts/BasicLayout';
import PageLoading from './components/PageLoading';
import RouteError from './components/RouteError';
import TopProgress from './components/TopProgress';
import { RequireAccess, RequireAuth } from './components/RouteGuards';
import HomePage from './pages/home';
import { AuthProvider } from './providers/AuthProvider';
import { t } from './locales';

const LoginPage = lazy(() => import('./pages/login'));
const OrganisationTree = lazy(() => import('./pages/organisations/tree'));
const UnitList = lazy(() => import('./pages/units/list'));
const UnitDetail = lazy(() => import('./pages/units/detail'));
const MemberList = lazy(() => import('./pages/members/list'));
const MemberDetail = lazy(() => import('./pages/members/detail'));
const VolunteerTeamList = lazy(() => import('./pages/volunteering/teams'));
const NeedsBoard = lazy(() => import('./pages/cobuilding/needs'));
const NeedDispatch = lazy(() => import('./pages/cobuilding/dispatch'));
const DispatchInbox = lazy(() => import('./pages/cobuilding/inbox'));
const ProjectList = lazy(() => import('./pages/cobuilding/projects/list'));
const ProjectDetail = lazy(() => import('./pages/cobuilding/projects/detail'));
const ActivityList = lazy(() => import('./pages/volunteering/activities/list'));
const ActivityDetail = lazy(() => import('./pages/volunteering/activities/detail'));
const ActivityCheckIn = lazy(() => import('./pages/volunteering/checkin'));
const PointsLedger = lazy(() => import('./pages/volunteering/ledger'));
const VolunteeringSettings = lazy(() => import('./pages/volunteering/settings'));
const WishWall = lazy(() => import('./pages/cobuilding/wishes'));
const ResourceCatalogue = lazy(() => import('./pages/cobuilding/resources'));
const VolunteerTeam = lazy(() => import('./pages/volunteering/team'));
const MeetingList = lazy(() => import('./pages/meetings/list'));
const MeetingDetail = lazy(() => import('./pages/meetings/detail'));
const ProposalList = lazy(() => import('./pages/meetings/proposals'));
const MeetingRun = lazy(() => import('./pages/meetings/run'));
const MeetingSignIn = lazy(() => import('./pages/meetings/signin'));
const ActionBoard = lazy(() => import('./pages/meetings/actions'));
const MyActionItems = lazy(() => import('./pages/meetings/mine'));
const NotificationList = lazy(() => import('./pages/notifications/list'));
const EvaluationList = lazy(() => import('./pages/evaluations/list'));
const ApiTokenList = lazy(() => import('./pages/admin/tokens'));
const AuditLog = lazy(() => import('./pages/admin/audit'));

function NotFound() {
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('pages.common.pageNotFound')}
      extra={
        <Link to="/">
          <Button type="primary">{t('pages.common.back')}</Button>
        </Link>
      }
    />
  );
}

const page = (element: ReactNode) => (
  <Suspense
    fallback={
      <>
        <TopProgress />
        <PageLoading />
      </>
    }
  >
    {element}
  </Suspense>
);
/** A page of the menu: shown when access.ts allows it, a 403 result otherwise. */
const guarded = (access: AccessKey, element: ReactNode) => (
  <RequireAccess access={access}>{page(element)}</RequireAccess>
);

// Every route has an error page (RouteError): at the top for the sign-in page and the layout
// itself, and inside the layout for its pages, so that the menu stays when a page fails.
const router = createBrowserRouter([
  { path: '/login', element: page(<LoginPage />), errorElement: <RouteError /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <BasicLayout />
      </RequireAuth>
    ),
    errorElement: <RouteError />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'organisations', element: guarded('canReadOrganisations', <OrganisationTree />) },
          { path: 'units', element: guarded('canReadUnits', <UnitList />) },
          { path: 'units/:id', element: guarded('canReadUnits', <UnitDetail />) },
          { path: 'members', element: guarded('canReadMembers', <MemberList />) },
          { path: 'members/:id', element: guarded('canReadMembers', <MemberDetail />) },
          { path: 'volunteering', element: guarded('canReadVolunteering', <VolunteerTeamList />) },
          { path: 'volunteering/activities', element: guarded('canReadVolunteering', <ActivityList />) },
          {
            path: 'volunteering/activities/:id',
            element: guarded('canReadVolunteering', <ActivityDetail />),
          },
          { path: 'volunteering/check-in', element: page(<ActivityCheckIn />) },
          { path: 'volunteering/mine', element: page(<PointsLedger />) },
          {
            path: 'volunteering/settings',
            element: guarded('canManageVolunteering', <VolunteeringSettings />),
          },
          { path: 'volunteering/people/:id', element: guarded('canReadVolunteering', <PointsLedger />) },
          { path: 'cobuilding', element: <Navigate to="/cobuilding/projects" replace /> },
          { path: 'cobuilding/needs', element: guarded('canReadNeeds', <NeedsBoard />) },
          { path: 'cobuilding/needs/:id/dispatch', element: guarded('canHandleNeeds', <NeedDispatch />) },
          { path: 'cobuilding/inbox', element: guarded('canAnswerDispatches', <DispatchInbox />) },
          { path: 'cobuilding/projects', element: guarded('canReadCobuilding', <ProjectList />) },
          { path: 'cobuilding/projects/:id', element: guarded('canReadCobuilding', <ProjectDetail />) },
          { path: 'cobuilding/wishes', element: guarded('canReadCobuilding', <WishWall />) },
          { path: 'cobuilding/resources', element: guarded('canReadCobuilding', <ResourceCatalogue />) },
          { path: 'volunteering/teams/:id', element: guarded('canReadVolunteering', <VolunteerTeam />) },
          { path: 'meetings', element: guarded('canReadMeetings', <MeetingList />) },
          { path: 'meetings/proposals', element: guarded('canReadMeetings', <ProposalList />) },
          { path: 'meetings/actions', element: guarded('canReadMeetings', <ActionBoard />) },
          { path: 'meetings/mine', element: guarded('canReadMeetings', <MyActionItems />) },
          { path: 'meetings/:id', element: guarded('canReadMeetings', <MeetingDetail />) },
          { path: 'meetings/:id/run', element: guarded('canReadMeetings', <MeetingRun />) },
          { path: 'meetings/:id/sign-in', element: guarded('canReadMeetings', <MeetingSignIn />) },
          { path: 'notifications', element: page(<NotificationList />) },
          { path: 'evaluations', element: guarded('canReadEvaluations', <EvaluationList />) },
          { path: 'admin/tokens', element: guarded('canManageTokens', <ApiTokenList />) },
          { path: 'admin/audit', element: guarded('canReadAuditLog', <AuditLog />) },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
]);

export default function App() {
  return (
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#c41d1d' } }}>
      <AntdApp>
        <AuthProvider>
          <RouterProvider router={router} />
        </AuthProvider>
      </AntdApp>
    </ConfigProvider>
  );
}
