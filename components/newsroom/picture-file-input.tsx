import { UPLOAD_TYPES } from '@/lib/newsroom/upload-rules';

type PictureFileInputProps = { disabled: boolean; onFile: (file: File) => void };

/**
 * The file chooser of the hero and the share picture: the types the server
 * takes, and emptied after each choice so choosing the same file again (after
 * a refused upload) still fires.
 */
export function PictureFileInput({ disabled, onFile }: PictureFileInputProps) {
  return (
    <input
      type="file"
      accept={UPLOAD_TYPES.join(',')}
      disabled={disabled}
      onChange={(e) => {
        const file = e.target.files?.[0];
        if (file) onFile(file);
        e.target.value = '';
      }}
      className="mt-1 block w-full text-sm"
    />
  );
}
