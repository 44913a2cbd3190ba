import { lazy, Suspense } from 'react';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
// Vite 8 resolves the plain `antd/locale/zh_CN` to the CommonJS build, which silently stays English.
import zhCN from 'antd/es/locale/zh_CN';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { HashRouter, Navigate, Route, Routes } from 'react-router';
import { SessionProvider, useSession } from './session-context';
import { AppLayout } from './AppLayout';
import { LoginPage } from '../pages/LoginPage';
import { HomePage } from '../pages/HomePage';
import { FormsListPage } from '../pages/FormsListPage';
import '../lib/format';

// The heavy parts load on demand: the editor (domain core, big tables) and the summary (ECharts).
const FormEditorPage = lazy(() => import('../editor/FormEditorPage'));
const ImportPage = lazy(() => import('../pages/ImportPage'));
const SummaryPage = lazy(() => import('../summary/SummaryPage'));

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false, staleTime: 10_000 } },
});

export function App() {
  return (
    <ConfigProvider
      locale={zhCN}
      theme={{ token: { colorPrimary: '#1f5fbf', fontSize: 14, borderRadius: 4 } }}
      componentSize="middle"
    >
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <SessionProvider>
            <HashRouter>
              <AppRoutes />
            </HashRouter>
          </SessionProvider>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}

function PageSpinner() {
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin tip="加载中…" size="large">
        <div style={{ height: 48 }} />
      </Spin>
    </div>
  );
}

function AppRoutes() {
  const { user } = useSession();
  if (user === undefined) return <PageSpinner />;
  if (user === null)
    return (
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="*" element={<Navigate to="/login" replace />} />
      </Routes>
    );
  return (
    <Routes>
      <Route path="/login" element={<Navigate to="/" replace />} />
      <Route element={<AppLayout />}>
        <Route index element={<HomePage />} />
        <Route path="forms" element={<FormsListPage />} />
        <Route
          path="forms/:id"
          element={
            <Suspense fallback={<PageSpinner />}>
              <FormEditorPage />
            </Suspense>
          }
        />
        <Route
          path="import"
          element={
            <Suspense fallback={<PageSpinner />}>
              <ImportPage />
            </Suspense>
          }
        />
        <Route
          path="summary"
          element={
            <Suspense fallback={<PageSpinner />}>
              <SummaryPage />
            </Suspense>
          }
        />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}
