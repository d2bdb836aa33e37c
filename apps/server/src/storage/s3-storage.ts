import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { AppError } from '@accord/domain';
import { checkKey, storageUnavailable, storedFileMissing, type FileStorage } from './file-storage.js';

export interface S3Settings {
  bucket: string;
  region: string;
  /** An S3-compatible server's address (MinIO, Ceph, a cloud's object store); unset: AWS itself. */
  endpoint: string | undefined;
  /** Bucket in the path (`https://host/bucket/key`), as most S3-compatible servers want. */
  forcePathStyle: boolean;
  /** Unset: the SDK's own chain (environment, profile, instance role). */
  accessKeyId: string | undefined;
  secretAccessKey: string | undefined;
  /** A prefix before every key, so that one bucket can hold several installations. */
  prefix: string;
}

/** Files in an S3-compatible bucket, read and written with the AWS SDK; never public, never a signed link. */
export class S3FileStorage implements FileStorage {
  readonly description: string;
  private readonly client: S3Client;

  constructor(private readonly settings: S3Settings) {
    this.description = `S3 bucket ${settings.bucket}${settings.endpoint ? ` at ${settings.endpoint}` : ''}`;
    this.client = new S3Client({
      region: settings.region,
      endpoint: settings.endpoint,
      forcePathStyle: settings.forcePathStyle,
      credentials:
        settings.accessKeyId && settings.secretAccessKey
          ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey }
          : undefined,
      // A checksum only where the API requires one: many S3-compatible servers refuse the SDK's newer default ones.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 3,
    });
  }

  private keyOf(key: string): string {
    return `${this.settings.prefix}${checkKey(key)}`;
  }

  async put(key: string, body: Buffer): Promise<void> {
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.settings.bucket,
          Key: this.keyOf(key),
          Body: body,
          ContentLength: body.length,
          ContentType: 'application/octet-stream',
        }),
      );
    } catch (error) {
      throw storageUnavailable(error);
    }
  }

  async get(key: string): Promise<Buffer> {
    try {
      const answer = await this.client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key: this.keyOf(key) }));
      if (!answer.Body) throw storedFileMissing();
      return Buffer.from(await answer.Body.transformToByteArray());
    } catch (error) {
      if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') throw storedFileMissing();
      if (error instanceof AppError) throw error;
      throw storageUnavailable(error);
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: this.keyOf(key) }));
    } catch (error) {
      throw storageUnavailable(error);
    }
  }

  destroy(): void {
    this.client.destroy();
  }
}
