import { Image, Space } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';

export interface Attachment {
  filename: string;
  url: string;
  contentType?: string | null;
}

const isImage = (a: Attachment) =>
  a.contentType ? a.contentType.startsWith('image/') : /\.(png|jpe?g|gif|webp)$/i.test(a.filename);

/**
 * Files attached to a record: photos as thumbnails that open a preview (browse through them
 * with the arrows), other files as links by name.
 */
export default function Attachments({
  files,
  size = 80,
  testId = 'attachment',
}: {
  files: readonly Attachment[];
  size?: number;
  testId?: string;
}) {
  if (files.length === 0) return null;
  const photos = files.filter(isImage);
  const others = files.filter((f) => !isImage(f));
  return (
    <Space orientation="vertical" size={4}>
      {photos.length > 0 && (
        <Image.PreviewGroup>
          <Space wrap>
            {photos.map((p) => (
              <span key={p.url} data-testid={testId} data-filename={p.filename} title={p.filename}>
                <Image
                  src={p.url}
                  alt={p.filename}
                  width={size}
                  height={size}
                  style={{ objectFit: 'cover' }}
                />
              </span>
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
      {others.map((f) => (
        <a
          key={f.url}
          href={f.url}
          target="_blank"
          rel="noreferrer"
          data-testid={testId}
          data-filename={f.filename}
        >
          <PaperClipOutlined /> {f.filename}
        </a>
      ))}
    </Space>
  );
}
