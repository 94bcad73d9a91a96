import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Dialog } from '@/components/ui/dialog';
import { ErrorState } from '@/components/ui/error-state';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { contentMutations } from './actions-api';
import { DialogButtons } from './dialog-buttons';

// PBS: one component, 1–32 characters of a safe id; at most 7 levels below the root
const NAME = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,31}$/;
const MAX_DEPTH = 7;

interface CreateNamespaceDialogProps {
  store: string;
  parent: string;
  onClose: () => void;
  onCreated?: (ns: string) => void;
}

export function CreateNamespaceDialog({ store, parent, onClose, onCreated }: CreateNamespaceDialogProps) {
  const [name, setName] = useState('');
  const create = useMutation(contentMutations.createNamespace());
  const depth = parent === '' ? 0 : parent.split('/').length;
  const tooDeep = depth >= MAX_DEPTH;
  const valid = NAME.test(name) && !tooDeep;
  const submit = () =>
    create.mutate(
      { store, parent, name },
      {
        onSuccess: (ns) => {
          onClose();
          onCreated?.(ns);
        },
      },
    );
  return (
    <Dialog
      title={`New namespace in ${parent === '' ? 'the root namespace' : parent}`}
      isOpen
      onOpenChange={(open) => !open && onClose()}
    >
      <form
        className="space-y-3 text-sm"
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) submit();
        }}
      >
        {tooDeep ? (
          <p>
            PBS allows at most {MAX_DEPTH} levels of namespaces; {parent} is at the deepest level.
          </p>
        ) : null}
        <Field
          label="Name (letters, digits, _ . -; up to 32 characters)"
          error={
            name !== '' && !NAME.test(name)
              ? 'A name starts with a letter, digit or _ and holds only letters, digits, _ . and -.'
              : undefined
          }
        >
          <Input value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" className="font-mono" />
        </Field>
        {create.error ? <ErrorState title="The namespace was not created" message={create.error.message} /> : null}
        <DialogButtons
          onCancel={onClose}
          confirm={{
            label: create.isPending ? 'Creating…' : 'Create namespace',
            disabled: !valid || create.isPending,
            onPress: submit,
          }}
        />
      </form>
    </Dialog>
  );
}
