// Signs in through the login of Camunda's webapps (the session Tasklist and Cockpit use), then goes
// back to the page asked for. Camunda's webapps want their CSRF token on every change: they send it
// with the answer to any of their GET requests.
(function () {
  'use strict';
  const form = document.getElementById('login');
  const status = document.getElementById('status');

  // only a page of ours on this site, never another site (an open redirect); without one, the start page
  // (the webapps' welcome page, with the applications this person may use)
  function next() {
    const asked = new URLSearchParams(location.search).get('next');
    return asked && /^\/(audit|reports)(\/|$)/.test(asked) ? asked : '/';
  }

  async function signIn(username, password) {
    const engines = await fetch('/camunda/api/engine/engine/', { credentials: 'same-origin' });
    const token = engines.headers.get('X-XSRF-TOKEN');
    const engine = document.body.dataset.engine;
    return fetch('/camunda/api/admin/auth/user/' + encodeURIComponent(engine) + '/login/welcome', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-XSRF-TOKEN': token },
      body: new URLSearchParams({ username: username, password: password })
    });
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button');
    button.disabled = true;
    status.textContent = '';
    try {
      const answer = await signIn(form.username.value, form.password.value);
      if (answer.ok) {
        location.assign(next());
        return;
      }
      status.textContent = answer.status === 401
        ? 'Wrong user name or password (after a wrong password, wait a few seconds). / 用户名或密码错误（输错后请稍候几秒再试）。'
        : 'Signing in failed (' + answer.status + '). / 登录失败（' + answer.status + '）。';
    } catch (error) {
      status.textContent = 'DisputeFlow cannot be reached. / 无法连接 DisputeFlow。';
    }
    button.disabled = false;
  });
})();
