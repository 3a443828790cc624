import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { parseExpires, presignedLink, resolveReportBucket } from '../../lambdas/local/report-link.js';

describe('report-link', () => {
  describe('presignedLink', () => {
    it('signs a GET of one object locally, valid for the time asked', async () => {
      const s3 = new S3Client({ region: 'eu-west-1', credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' } });

      const url = new URL(await presignedLink('banwatch-report', 'report.html', 12 * 3600, s3));

      expect(`${url.origin}${url.pathname}`).toBe('https://banwatch-report.s3.eu-west-1.amazonaws.com/report.html');
      expect(url.searchParams.get('X-Amz-Expires')).toBe('43200');
      expect(url.searchParams.get('X-Amz-Credential')).toMatch(/^AKIAEXAMPLE\/\d{8}\/eu-west-1\/s3\/aws4_request$/);
      expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    });
  });

  describe('resolveReportBucket', () => {
    it('finds the bucket through the stack\'s ReportBucketName output, and says what to do when there is none', async () => {
      const cfn = mockClient(CloudFormationClient);
      const stack = (outputs: Array<{ OutputKey: string; OutputValue: string }>) => ({ Stacks: [{ StackName: 's', CreationTime: new Date(), StackStatus: 'CREATE_COMPLETE' as const, Outputs: outputs }] });
      cfn.on(DescribeStacksCommand, { StackName: 'Banwatch' }).resolves(stack([{ OutputKey: 'ReportBucketName', OutputValue: 'banwatch-reportbucket-1' }]));
      cfn.on(DescribeStacksCommand, { StackName: 'Old' }).resolves(stack([{ OutputKey: 'TableName', OutputValue: 't' }]));
      const client = new CloudFormationClient({ region: 'us-east-1' });

      expect(await resolveReportBucket({ stack: 'Banwatch' }, client)).toBe('banwatch-reportbucket-1');
      await expect(resolveReportBucket({ stack: 'Old' }, client)).rejects.toThrow(/no ReportBucketName output: deploy this version/);
      expect(await resolveReportBucket({ bucket: 'given', stack: 'Banwatch' }, client)).toBe('given');
      await expect(resolveReportBucket({}, client)).rejects.toThrow(/--url needs the deployed stack/);
      cfn.restore();
    });
  });

  describe('parseExpires', () => {
    it('takes 1m to 7d and refuses the rest', () => {
      expect(parseExpires('30m')).toBe(1800);
      expect(parseExpires('7d')).toBe(604800);
      expect(() => parseExpires('8d')).toThrow(/1m to 7d/);
      expect(() => parseExpires('3600')).toThrow(/1m to 7d/);
    });
  });
});
