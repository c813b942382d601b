import { Link } from 'react-router';
import { Page } from '../components/Page';

export function NotFoundPage() {
  return (
    <Page title="Page not found">
      <p>
        There is no page at this address. Check the address, or go to the <Link to="/">home page</Link>.
      </p>
    </Page>
  );
}
