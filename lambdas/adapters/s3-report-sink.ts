/**
 * The report bucket (private, S3): the report page and the Atom feed are overwritten on every
 * digest run; people read them through presigned links (`banwatch report --url`).
 */
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { ReportSink } from '../ports.js';

export class S3ReportSink implements ReportSink {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  async put(name: string, body: string, contentType: string): Promise<void> {
    await this.s3.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: name,
        Body: body,
        ContentType: contentType,
        // A link opened twice shows the page as it is now, not a cached copy of yesterday's.
        CacheControl: 'no-cache',
      }),
    );
  }
}
