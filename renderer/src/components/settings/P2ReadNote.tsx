/**
 * What Settings → Publishing says about reading the P2 back, and what a P2 on WordPress.com
 * needs: the same words as the README, where the user connects.
 */
export function P2ReadNote() {
  return (
    <>
      <p className="hint">
        While an incident with a P2 post is active, the app also reads the post back: new comments
        and its status tag, about every minute while an update is due within the hour, every 5
        minutes otherwise (two small requests each time), and comments deleted on the site every 30
        minutes. Nothing is read while no incident is active.
      </p>
      <details className="hint">
        <summary>A P2 on WordPress.com</summary>
        <p>
          This app signs in with an application password over WordPress’s own REST API, tested
          against a real self-hosted WordPress. WordPress.com’s API (public-api.wordpress.com) takes
          an OAuth2 token instead. Its documented code flow needs the app’s client secret at the
          token endpoint, and a desktop app cannot keep a secret (anyone can read it out of the
          app). Its implicit flow needs no secret, but puts the token in the redirect’s fragment,
          and WordPress.com redirects only to an address registered exactly, while a loopback
          redirect (RFC 8252) listens on a port chosen at sign-in. So WordPress.com sign-in is not
          built here and nothing of it was tested: a WordPress.com P2 works only if it accepts an
          application password for your user, which could not be tried from the test machines.
        </p>
      </details>
    </>
  )
}
