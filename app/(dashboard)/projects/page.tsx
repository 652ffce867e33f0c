import { ProjectsPage } from '@/components/projects/projects-page';

export const metadata = { title: 'Projects · Tailwatch' };

export default function Page() {
  return <ProjectsPage />;
}
