import PageContainer from '../../../components/PageContainer';

/** Placeholder until the page is built. */
export default function Page() {
  return <PageContainer title="">{null}</PageContainer>;
}
