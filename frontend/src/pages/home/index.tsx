import { Navigate } from 'react-router-dom';
import Forbidden from '../../components/Forbidden';
import { useAuth } from '../../providers/AuthProvider';
import { firstPage, visibleRoutes } from '../../routes';

/**
 * `/`: a unit liaison goes to 我的督办事项 (which links to their unit's page); everyone else
 * to the organisation tree, or the first page of their menu.
 */
export default function HomePage() {
  const { me, access } = useAuth();
  if (me?.liaisonUnit) return <Navigate to="/meetings/mine" replace />;
  const target = access.canReadOrganisations ? '/organisations' : firstPage(visibleRoutes(access));
  return target ? <Navigate to={target} replace /> : <Forbidden />;
}
