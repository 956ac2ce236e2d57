import { Text, Title } from '@mantine/core';

/** A page's heading (the screen's name, h1) and its one-line lead under it. */
export function PageHeader({ title, lead }: { title: string; lead?: string }) {
  return (
    <div>
      <Title order={1} size="h2">
        {title}
      </Title>
      {lead && (
        <Text size="sm" c="dimmed">
          {lead}
        </Text>
      )}
    </div>
  );
}
