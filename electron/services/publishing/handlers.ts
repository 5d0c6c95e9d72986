import type { FeatureHandlers, HostContext } from '../context'
import { Publisher } from './publisher'

type PublishingChannel =
  | 'publishing:get'
  | 'publishing:connect'
  | 'publishing:test'
  | 'publishing:disconnect'
  | 'publishing:preview'
  | 'publishing:publish'
  | 'publishing:retry'
  | 'publishing:cancel'

/** The P2 publishing slice: one Publisher per host, drained after every change and at start. */
export function publishingHandlers(
  ctx: HostContext,
  publisher = new Publisher(ctx),
): FeatureHandlers<PublishingChannel> {
  ctx.onChanged((ids) => publisher.onChanged(ids))
  ctx.onClose(() => publisher.close())
  // What waited when the app last closed is tried again now.
  publisher.kick()
  return {
    'publishing:get': () => publisher.connection.view(),
    'publishing:connect': async (input) => {
      const connected = await publisher.connection.connect(input)
      publisher.kick()
      return connected
    },
    'publishing:test': () => publisher.connection.test(),
    'publishing:disconnect': () => publisher.connection.disconnect(),
    'publishing:preview': ({ id, kind }) => publisher.preview(id, kind),
    'publishing:publish': ({ id, kind }) => publisher.publish(id, kind),
    'publishing:retry': ({ id, requestId }) => publisher.retry(id, requestId),
    'publishing:cancel': ({ id, requestId }) => publisher.cancel(id, requestId),
  }
}
