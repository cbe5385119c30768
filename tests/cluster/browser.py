"""A trainee's browser for the cluster test: cookies kept across requests to nginx and to either app node directly.

Straight to a node (no nginx), it says what nginx would (``X-Forwarded-Proto: https`` from 127.0.0.1, one of the
nodes' ``KOMPETEN_TRUSTED_PROXIES``), so that the production settings serve it; the same cookies go everywhere.
"""

import re

import requests

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Browser:
    def __init__(self, cluster):
        self.cluster = cluster
        self.cookies: dict[str, str] = {}
        self.http = requests.Session()

    def _url(self, path: str, node: int | None) -> tuple[str, dict]:
        if node is None:
            return self.cluster.url + path, {}
        return self.cluster.node_url(node) + path, {"X-Forwarded-Proto": "https", "X-Forwarded-For": "127.0.0.1"}

    def request(self, method: str, path: str, *, node: int | None = None, headers=None, **kwargs):
        url, extra = self._url(path, node)
        headers = {**extra, **(headers or {})}
        if method != "GET":
            headers.setdefault("Referer", self.cluster.url + path)
            headers.setdefault("Origin", self.cluster.url)
            if "csrftoken" in self.cookies:
                headers.setdefault("X-CSRFToken", self.cookies["csrftoken"])
        self.http.cookies.clear()
        response = self.http.request(
            method,
            url,
            headers=headers,
            cookies=self.cookies,
            allow_redirects=False,
            timeout=30,
            verify=self.cluster.certificate,
            **kwargs,
        )
        self.cookies.update(response.cookies.get_dict())
        return response

    def get(self, path: str, **kwargs):
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs):
        return self.request("POST", path, **kwargs)

    def sign_in(self, username: str, password: str, *, node: int | None = None) -> None:
        login = self.cluster.world["login_url"]
        page = self.get(login, node=node)
        assert page.status_code == 200, page.status_code
        token = CSRF_INPUT.search(page.text).group(1)
        answer = self.post(
            login, node=node, data={"csrfmiddlewaretoken": token, "username": username, "password": password}
        )
        assert answer.status_code == 302, (answer.status_code, answer.text[:2000])
        assert "sessionid" in self.cookies
