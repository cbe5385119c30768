"""docs/api.md's curl example, run against a live server: the commands are read from the document (the ``sh``
block under "Getting a token"), turned into the same HTTP requests (Basic auth, form fields, headers, URL) and sent
over real HTTP with the demo partner's credentials, as ``make demo`` seeds them. If the document and the API part
ways, this fails."""

from __future__ import annotations

import base64
import json
import re
import shlex
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from lms.demo.api_clients import demo_api_clients_load
from tests.placement import factories as placement_factories

DOC = Path(__file__).resolve().parents[2] / "docs" / "api.md"
DOC_HOST = "http://127.0.0.1:8000"


@dataclass
class Curl:
    url: str
    user: str = ""
    form: list[tuple[str, str]] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)
    captures: str = ""  # the shell variable its output is stored in (TOKEN=$(curl ...))


def documented_curls(text: str) -> list[Curl]:
    """The curl commands of the sh block under "Getting a token", in order."""
    section = text.split("### Getting a token", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    commands = []
    for line in block.replace("\\\n", " ").splitlines():
        line = line.strip()
        captured = re.match(r"(\w+)=\$\((curl .*?)\s*\|", line)
        command, captures = (captured.group(2), captured.group(1)) if captured else (line, "")
        if not command.startswith("curl "):
            continue
        words = shlex.split(command)[1:]
        curl, index = Curl(url="", captures=captures), 0
        while index < len(words):
            word = words[index]
            if word == "-s":
                index += 1
                continue
            if word in ("-u", "-d", "-H"):
                value = words[index + 1]
                if word == "-u":
                    curl.user = value
                elif word == "-d":
                    curl.form.append(tuple(value.split("=", 1)))
                else:
                    name, _sep, header = value.partition(":")
                    curl.headers[name.strip()] = header.strip()
                index += 2
                continue
            assert word.startswith("http"), f"an option the test does not know: {word}"
            curl.url = word
            index += 1
        commands.append(curl)
    return commands


def send(curl: Curl, base: str, variables: dict[str, str]) -> tuple[int, dict]:
    """The request curl makes: a POST of the form fields when there are any, else a GET."""
    url = curl.url.replace(DOC_HOST, base)
    data = urllib.parse.urlencode(curl.form).encode() if curl.form else None
    request = urllib.request.Request(url, data=data, method="POST" if data else "GET")
    if curl.user:
        request.add_header("Authorization", "Basic " + base64.b64encode(curl.user.encode()).decode())
    for name, value in curl.headers.items():
        for variable, replacement in variables.items():
            value = value.replace(f"${variable}", replacement)
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def test_the_document_shows_a_token_request_and_two_calls():
    # given docs/api.md, when its example is read, then it asks for a token and calls the API with it
    curls = documented_curls(DOC.read_text())
    assert curls[0].captures == "TOKEN" and curls[0].url == f"{DOC_HOST}/o/token/"
    assert ("grant_type", "client_credentials") in curls[0].form
    assert all(curl.headers.get("Authorization") == "Bearer $TOKEN" for curl in curls[1:]) and len(curls) >= 2


@pytest.mark.django_db(transaction=True)
def test_the_documented_curl_example_works_against_a_live_server(live_server):
    # given what make demo seeds: the demo employer (a member, an open vacancy, an applicant) and the clients
    vacancy = placement_factories.vacancy()
    member = vacancy.employer.members.first()
    placement_factories.application(vacancy=vacancy)
    demo_api_clients_load(partner_username=member.username)
    variables: dict[str, str] = {}
    # when each documented command is sent to the live server
    for curl in documented_curls(DOC.read_text()):
        status, body = send(curl, live_server.url, variables)
        # then each answers 200: the token request a bearer token, each call a page of results
        assert status == 200, (curl.url, status, body)
        if curl.captures:
            variables[curl.captures] = body["access_token"]
            assert body["token_type"] == "Bearer"
        else:
            assert "results" in body, (curl.url, body)
    assert "TOKEN" in variables
