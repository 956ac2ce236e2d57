// 「…を削除します。よろしいですか？」: the one confirmation of a delete — the question, the server's refusal
// (e.g. 使用中のため削除できません) in place, キャンセル and the red button that runs the delete.
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';

export function ConfirmDeleteModal(props: {
  title: string;
  message: string;
  confirmLabel: string;
  cancelLabel: string;
  /** the delete's mutation state */
  isPending: boolean;
  error: Error | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Modal opened onClose={props.onClose} title={props.title}>
      <Stack>
        <Text>{props.message}</Text>
        {props.error && (
          <Alert color="red" role="alert">
            {props.error.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {props.cancelLabel}
          </Button>
          <Button color="red" loading={props.isPending} onClick={props.onConfirm}>
            {props.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
