import { useState } from 'react';
import { Flex, Layout, Menu, Typography, theme } from 'antd';
import type { MenuProps } from 'antd';
import { Link, Outlet, ScrollRestoration, useLocation } from 'react-router-dom';
import NotificationBell from '../components/NotificationBell';
import UserMenu from '../components/UserMenu';
import { useAccess } from '../providers/AuthProvider';
import { matchRoute, visibleRoutes, type MenuRoute } from '../routes';
import { t } from '../locales';

const { Header, Sider, Content, Footer } = Layout;

const testId = (path: string) => (path === '/' ? 'nav-home' : `nav-${path.slice(1).replace(/\//g, '-')}`);

function menuItems(routes: MenuRoute[]): NonNullable<MenuProps['items']> {
  return routes.map((r) =>
    r.children
      ? {
          key: r.path,
          icon: r.icon,
          label: <span data-testid={testId(r.path)}>{t(r.name)}</span>,
          children: menuItems(r.children),
        }
      : {
          key: r.path,
          icon: r.icon,
          label: (
            <Link to={r.path} data-testid={testId(r.path)}>
              {t(r.name)}
            </Link>
          ),
        },
  );
}

/** The ProLayout-style shell: side menu (filtered by access.ts), header with the user menu, content. */
export default function BasicLayout() {
  const [collapsed, setCollapsed] = useState(false);
  const location = useLocation();
  const { token } = theme.useToken();
  const access = useAccess();

  const routes = visibleRoutes(access);
  const selected = matchRoute(location.pathname, routes);
  // The group of the current page opens when the page is reached; the user may close it again.
  const group = selected?.group?.path;
  const [openKeys, setOpenKeys] = useState<string[]>(() => (group ? [group] : []));
  const [openedFor, setOpenedFor] = useState(group);
  if (group !== openedFor) {
    setOpenedFor(group);
    if (group && !openKeys.includes(group)) setOpenKeys([...openKeys, group]);
  }

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {/* A new page opens at its top; back and forward return to where the user was. */}
      <ScrollRestoration />
      {/* The side menu keeps to the window's height and scrolls on its own (app-sider in
          global.css), above the collapse bar, whatever the screen's height. */}
      <Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        width={220}
        breakpoint="lg"
        theme="dark"
        className="app-sider"
        data-testid="app-sider"
      >
        <Link to="/" className="app-logo" aria-label={t('app.title')}>
          <img src="/favicon.svg" alt="" width={28} height={28} />
          {!collapsed && <span>{t('app.title')}</span>}
        </Link>
        <nav aria-label={t('app.title')} className="app-sider-menu" data-testid="app-sider-menu">
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={selected ? [selected.route.path] : []}
            openKeys={openKeys}
            onOpenChange={setOpenKeys}
            items={menuItems(routes)}
            data-testid="main-menu"
          />
        </nav>
      </Sider>
      <Layout>
        <Header
          style={{
            background: token.colorBgContainer,
            padding: '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 16,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <Flex align="baseline" gap={16} style={{ minWidth: 0 }}>
            <Typography.Text strong style={{ fontSize: 16, whiteSpace: 'nowrap' }} data-testid="app-title">
              {t('app.title')}
            </Typography.Text>
            <Typography.Text type="secondary" ellipsis>
              {t('app.subtitle')}
            </Typography.Text>
          </Flex>
          <Flex align="center" gap={16}>
            <NotificationBell />
            <UserMenu />
          </Flex>
        </Header>
        <Content style={{ margin: 24 }}>
          <main>
            {/* Keyed by the path, each page is a new Suspense boundary: while its code loads
                the fallback (the top bar and a skeleton) shows, instead of React keeping the
                previous page on screen during the navigation's transition. */}
            <Outlet key={location.pathname} />
          </main>
        </Content>
        <Footer style={{ textAlign: 'center', color: token.colorTextSecondary }}>{t('app.title')}</Footer>
      </Layout>
    </Layout>
  );
}
