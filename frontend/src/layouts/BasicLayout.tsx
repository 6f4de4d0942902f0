import { useMemo, useState } from 'react';
import { Layout, Menu, Typography, theme } from 'antd';
import { Link, Outlet, useLocation } from 'react-router-dom';
import getAccess from '../access';
import { menuRoutes } from '../routes';
import { t } from '../locales';

const { Header, Sider, Content, Footer } = Layout;

/** The ProLayout-style shell: side menu (filtered by access.ts), header, content. */
export default function BasicLayout() {
  const [collapsed, setCollapsed] = useState(false);
  const location = useLocation();
  const { token } = theme.useToken();
  const access = useMemo(() => getAccess(null), []);

  const items = menuRoutes
    .filter((r) => access[r.access])
    .map((r) => ({
      key: r.path,
      icon: r.icon,
      label: (
        <Link to={r.path} data-testid={`nav-${r.path.slice(1)}`}>
          {t(r.name)}
        </Link>
      ),
    }));
  const selected = menuRoutes.find(
    (r) => location.pathname === r.path || location.pathname.startsWith(`${r.path}/`),
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        width={220}
        breakpoint="lg"
        theme="dark"
      >
        <div style={{ position: 'sticky', top: 0 }}>
          <Link to="/" className="app-logo" aria-label={t('app.title')}>
            <img src="/favicon.svg" alt="" width={28} height={28} />
            {!collapsed && <span>{t('app.title')}</span>}
          </Link>
          <nav aria-label={t('app.title')}>
            <Menu
              theme="dark"
              mode="inline"
              selectedKeys={selected ? [selected.path] : []}
              items={items}
              data-testid="main-menu"
            />
          </nav>
        </div>
      </Sider>
      <Layout>
        <Header
          style={{
            background: token.colorBgContainer,
            padding: '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <Typography.Text strong style={{ fontSize: 16 }} data-testid="app-title">
            {t('app.title')}
          </Typography.Text>
          <Typography.Text type="secondary">{t('app.subtitle')}</Typography.Text>
        </Header>
        <Content style={{ margin: 24 }}>
          <main>
            <Outlet />
          </main>
        </Content>
        <Footer style={{ textAlign: 'center', color: token.colorTextSecondary }}>{t('app.title')}</Footer>
      </Layout>
    </Layout>
  );
}
