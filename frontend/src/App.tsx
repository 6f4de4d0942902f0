import { Suspense, lazy, type ReactNode } from 'react';
import { App as AntdApp, Button, ConfigProvider, Result } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { Link, Navigate, RouterProvider, createBrowserRouter } from 'react-router-dom';
import BasicLayout from './layouts/BasicLayout';
import PageLoading from './components/PageLoading';
import { UrqlProvider } from './providers/UrqlProvider';
import { t } from './locales';

const OrganisationTree = lazy(() => import('./pages/organisations/tree'));
const UnitList = lazy(() => import('./pages/units/list'));
const UnitDetail = lazy(() => import('./pages/units/detail'));
const MemberList = lazy(() => import('./pages/members/list'));
const MemberDetail = lazy(() => import('./pages/members/detail'));
const VolunteerTeamList = lazy(() => import('./pages/volunteering/teams'));
const CobuildingLists = lazy(() => import('./pages/cobuilding/lists'));
const MeetingList = lazy(() => import('./pages/meetings/list'));
const EvaluationList = lazy(() => import('./pages/evaluations/list'));

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

const page = (element: ReactNode) => <Suspense fallback={<PageLoading />}>{element}</Suspense>;

const router = createBrowserRouter([
  {
    path: '/',
    element: <BasicLayout />,
    children: [
      { index: true, element: <Navigate to="/organisations" replace /> },
      { path: 'organisations', element: page(<OrganisationTree />) },
      { path: 'units', element: page(<UnitList />) },
      { path: 'units/:id', element: page(<UnitDetail />) },
      { path: 'members', element: page(<MemberList />) },
      { path: 'members/:id', element: page(<MemberDetail />) },
      { path: 'volunteering', element: page(<VolunteerTeamList />) },
      { path: 'cobuilding', element: page(<CobuildingLists />) },
      { path: 'meetings', element: page(<MeetingList />) },
      { path: 'evaluations', element: page(<EvaluationList />) },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

export default function App() {
  return (
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#c41d1d' } }}>
      <AntdApp>
        <UrqlProvider>
          <RouterProvider router={router} />
        </UrqlProvider>
      </AntdApp>
    </ConfigProvider>
  );
}
