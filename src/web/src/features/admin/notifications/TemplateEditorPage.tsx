import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { toProblem } from '../../../api/problem';
import { TextField } from '../../../components/fields';
import { formatDateTime } from '../../../components/format';
import { Page } from '../../../components/Page';
import { Pagination } from '../../../components/Pagination';
import { ProblemAlert, StatusMessage } from '../../../components/ProblemAlert';
import { TableWrap } from '../../../components/TableWrap';
import { hasPermission, useMeQuery } from '../../auth/authApi';
import { TextAreaField } from '../../registry/RegistryFields';
import {
  channelLabels,
  isChannel,
  notificationPermissions,
  usePreviewTemplateMutation,
  useSaveTemplateMutation,
  useNotificationTemplatesQuery,
  useTemplateVersionsQuery,
  type Channel,
  type ChannelTemplate,
  type EventTemplates,
} from './notificationAdminApi';

const historyPageSize = 10;

interface Text {
  subject: string;
  body: string;
}

function History({ event, channel, onUse }: { event: string; channel: Channel; onUse: (text: Text) => void }) {
  const [page, setPage] = useState(1);
  const { data, error, isFetching } = useTemplateVersionsQuery({ event, channel, page, pageSize: historyPageSize });
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">Version history</h2>
      <ProblemAlert problem={toProblem(error)} />
      {data && data.items.length === 0 ? <p>No version has been saved yet: the built-in default is in force.</p> : null}
      {data && data.items.length > 0 ? (
        <>
          <TableWrap label="Version history" busy={isFetching}>
            <table>
              <caption className="visually-hidden">Saved versions, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Version</th>
                  <th scope="col">Saved</th>
                  <th scope="col">Text</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((v) => (
                  <tr key={v.version}>
                    <td className="numeric">{v.version}</td>
                    <td className="nowrap">{formatDateTime(v.createdAt)}</td>
                    <td className="wrap">
                      {v.subject ? <strong>{v.subject}</strong> : null}
                      <pre className="notification__body">{v.body}</pre>
                    </td>
                    <td className="actions">
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        aria-label={`Copy version ${v.version} into the editor`}
                        onClick={() => onUse({ subject: v.subject ?? '', body: v.body })}
                      >
                        Copy into the editor
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <Pagination label="Version history pages" data={data} onPageChange={setPage} />
        </>
      ) : null}
    </section>
  );
}

function Editor({
  definition,
  template,
  canEdit,
  onSaved,
}: {
  definition: EventTemplates;
  template: ChannelTemplate;
  canEdit: boolean;
  onSaved: (version: number) => void;
}) {
  const channel = template.channel;
  const hasSubject = channel !== 'Sms';
  const [text, setText] = useState<Text>({ subject: template.subject ?? '', body: template.body });
  const [samples, setSamples] = useState<Record<string, string>>({});
  const [save, saveState] = useSaveTemplateMutation();
  const [preview, previewState] = usePreviewTemplateMutation();
  // Save and preview check the text alike: show the errors of the last one asked.
  const [lastAction, setLastAction] = useState<'save' | 'preview' | null>(null);
  const problem = toProblem(
    lastAction === 'save' ? saveState.error : lastAction === 'preview' ? previewState.error : undefined,
  );
  const errors = problem?.fieldErrors ?? {};
  const subject = hasSubject ? text.subject : null;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setLastAction('save');
    const result = await save({
      event: definition.event,
      channel,
      subject,
      body: text.body,
      version: template.version,
    });
    if ('data' in result && result.data) onSaved(result.data.version);
  }

  async function showPreview() {
    setLastAction('preview');
    const data = Object.fromEntries(Object.entries(samples).filter(([, value]) => value.trim() !== ''));
    await preview({ event: definition.event, channel, subject, body: text.body, data });
  }

  return (
    <>
      <section aria-labelledby="editor-heading" className="panel">
        <h2 id="editor-heading">{canEdit ? 'Edit the text' : 'The text in force'}</h2>
        <p>
          In force: {template.isDefault ? 'the built-in default' : `version ${template.version}`}. Placeholders are
          written <code>{'{{name}}'}</code>; this event has{' '}
          {definition.placeholders.map((p, i) => (
            <span key={p}>
              {i > 0 ? ', ' : ''}
              <code>{`{{${p}}}`}</code>
            </span>
          ))}
          .
        </p>
        <ProblemAlert problem={problem} shownFields={['subject', 'body']} />
        <form className="form" noValidate aria-label="Template" onSubmit={(e) => void submit(e)}>
          {hasSubject ? (
            <TextField
              label="Subject"
              name="subject"
              value={text.subject}
              readOnly={!canEdit}
              onChange={(e) => setText({ ...text, subject: e.target.value })}
              errors={errors.subject}
            />
          ) : null}
          <TextAreaField
            label="Message"
            name="body"
            rows={8}
            hint={channel === 'Sms' ? 'At most 612 characters (four text messages).' : undefined}
            value={text.body}
            readOnly={!canEdit}
            onChange={(e) => setText({ ...text, body: e.target.value })}
            errors={errors.body}
          />
          <details>
            <summary>Sample values for the preview</summary>
            <p className="hint">Leave a value empty to use the event's own sample.</p>
            {definition.placeholders.map((p) => (
              <TextField
                key={p}
                label={p}
                name={`sample-${p}`}
                value={samples[p] ?? ''}
                onChange={(e) => setSamples({ ...samples, [p]: e.target.value })}
              />
            ))}
          </details>
          <p>
            <button
              type="button"
              className="button button--secondary"
              disabled={previewState.isLoading}
              onClick={() => void showPreview()}
            >
              Preview
            </button>{' '}
            {canEdit ? (
              <button type="submit" className="button" disabled={saveState.isLoading}>
                {saveState.isLoading ? 'Saving…' : 'Save as a new version'}
              </button>
            ) : null}
          </p>
        </form>
        {lastAction === 'preview' && previewState.data ? (
          <section aria-labelledby="preview-heading" className="panel">
            <h3 id="preview-heading">Preview</h3>
            {previewState.data.subject ? (
              <p>
                <strong>Subject:</strong> {previewState.data.subject}
              </p>
            ) : null}
            <pre className="notification__body">{previewState.data.body}</pre>
          </section>
        ) : null}
      </section>
      <History event={definition.event} channel={channel} onUse={setText} />
    </>
  );
}

/** One event's template on one channel: edit (a save is a new version), preview with sample values, history. */
export function TemplateEditorPage() {
  const { event = '', channel = '' } = useParams();
  const { data: me } = useMeQuery();
  const { data, error, isLoading } = useNotificationTemplatesQuery();
  const [saved, setSaved] = useState<number | null>(null);
  const definition = data?.find((e) => e.event === event);
  const template = isChannel(channel) ? definition?.channels.find((c) => c.channel === channel) : undefined;
  const title = isChannel(channel) ? `${channelLabels[channel]} template: ${event}` : 'Template';
  return (
    <Page title={title} lead={definition?.description}>
      <p>
        <Link to="/admin/notifications/templates">Back to templates</Link>
      </p>
      {saved !== null ? <StatusMessage>Saved as version {saved}.</StatusMessage> : null}
      {isLoading ? <p role="status">Loading the template…</p> : null}
      <ProblemAlert problem={toProblem(error)} />
      {data && !template ? <p>There is no such event or channel.</p> : null}
      {definition && template ? (
        <Editor
          // A save brings a new version in force: start the editor again from it.
          key={`${template.channel}/${template.version}`}
          definition={definition}
          template={template}
          canEdit={hasPermission(me, notificationPermissions.manage)}
          onSaved={setSaved}
        />
      ) : null}
    </Page>
  );
}
