import type { ReactNode } from 'react';
import { Breadcrumb, Flex, Typography } from 'antd';
import { Link } from 'react-router-dom';

export interface Crumb {
  title: string;
  to?: string;
}

/** Page header (breadcrumb, title, actions) and body, in the manner of ProLayout's PageContainer. */
export default function PageContainer({
  title,
  breadcrumb,
  extra,
  children,
  testId,
}: {
  title: ReactNode;
  breadcrumb?: Crumb[];
  extra?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <div className="page-container" data-testid={testId}>
      <div className="page-header">
        {breadcrumb && breadcrumb.length > 0 ? (
          <Breadcrumb
            items={breadcrumb.map((c) => ({ title: c.to ? <Link to={c.to}>{c.title}</Link> : c.title }))}
          />
        ) : null}
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Title level={3} style={{ margin: '8px 0 0' }} data-testid="page-title">
            {title}
          </Typography.Title>
          {extra ? <div>{extra}</div> : null}
        </Flex>
      </div>
      <div className="page-body">{children}</div>
    </div>
  );
}
