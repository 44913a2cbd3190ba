import { Button, Layout, Menu, Space, Typography } from 'antd';
import { BarChartOutlined, CloudUploadOutlined, HomeOutlined, LogoutOutlined, TableOutlined } from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useUser, useSession } from './session-context';
import { ErrorBoundary } from './ErrorBoundary';
import { canImport, roleLabels } from '../lib/workflow';

const { Header, Sider, Content } = Layout;

/** The frame around every page once logged in: navigation on the left, who is logged in on top. */
export function AppLayout() {
  const user = useUser();
  const { logOut } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const selected = pathname.startsWith('/forms')
    ? '/forms'
    : pathname.startsWith('/import')
      ? '/import'
      : pathname.startsWith('/summary')
        ? '/summary'
        : '/';
  const items = [
    { key: '/', icon: <HomeOutlined />, label: '首页' },
    { key: '/forms', icon: <TableOutlined />, label: '自评表' },
    ...(canImport(user.role) ? [{ key: '/import', icon: <CloudUploadOutlined />, label: '导入' }] : []),
    { key: '/summary', icon: <BarChartOutlined />, label: '部门汇总' },
  ];
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a href="#main" className="skip-link">
        跳到主要内容
      </a>
      <Sider width={168} breakpoint="lg" collapsedWidth={56} theme="light" style={{ borderRight: '1px solid #e8e8e8' }}>
        <div style={{ padding: '16px 16px 8px', fontWeight: 600, fontSize: 16, color: '#1f5fbf' }}>绩效自评</div>
        <nav aria-label="主导航">
          <Menu mode="inline" selectedKeys={[selected]} items={items} onClick={({ key }) => void navigate(key)} />
        </nav>
      </Sider>
      <Layout>
        <Header
          style={{
            background: '#fff',
            padding: '0 20px',
            borderBottom: '1px solid #e8e8e8',
            display: 'flex',
            justifyContent: 'flex-end',
            height: 48,
            lineHeight: '48px',
          }}
        >
          <Space>
            <Typography.Text data-testid="current-user">
              {user.displayName} · {roleLabels[user.role] ?? user.role}
              {user.orgName ? ` · ${user.orgName}` : ''}
            </Typography.Text>
            <Button icon={<LogoutOutlined />} onClick={() => void logOut()}>
              退出
            </Button>
          </Space>
        </Header>
        <Content id="main" tabIndex={-1} style={{ padding: 16, outline: 'none' }}>
          <ErrorBoundary key={pathname}>
            <Outlet />
          </ErrorBoundary>
        </Content>
      </Layout>
    </Layout>
  );
}
