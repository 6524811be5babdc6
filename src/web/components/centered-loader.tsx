import { Center, Loader, VisuallyHidden } from '@mantine/core';

export function CenteredLoader({ label }: { label: string }) {
  return (
    <Center h="50vh" role="status" aria-live="polite">
      <Loader />
      <VisuallyHidden>{label}</VisuallyHidden>
    </Center>
  );
}
