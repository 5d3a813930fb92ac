"""People: ignores, private conversations, privacy, nicknames and a person's card."""

from __future__ import annotations

from causette.domain.events import IgnoresChanged, PrivacyChanged, PrivateDismissed
from causette.domain.identity import new_public_id
from causette.domain.models import Guest, IgnoreEntry, Privacy, UserView
from causette.domain.names import nickname_key
from causette.errors import InvalidInput, Refused
from causette.services.chat import Chat, Link


class People:
    def __init__(self, chat: Chat) -> None:
        self.chat = chat

    async def ignore(self, link: Link, user_id: str) -> list[IgnoreEntry]:
        chat = self.chat
        guest = chat.guest_of(link)
        target = chat.state.visible_guest(guest, user_id)
        entry = chat.state.ignore(guest, target, "i" + new_public_id())
        if entry is not None:
            await chat.store.add_ignore(guest.device, entry)
            self._tell_ignores(link, guest)
        return chat.state.ignores_of(guest.device)

    def _tell_ignores(self, link: Link, guest: Guest) -> None:
        entries = tuple(self.chat.state.ignores_of(guest.device))
        self.chat.notify_others(link, guest.id, IgnoresChanged(entries))

    async def unignore(self, link: Link, entry_id: str) -> list[IgnoreEntry]:
        chat = self.chat
        guest = chat.guest_of(link)
        entry = chat.state.unignore(guest, entry_id)
        await chat.store.remove_ignore(guest.device, entry.id)
        self._tell_ignores(link, guest)
        return chat.state.ignores_of(guest.device)

    async def close_private(self, link: Link, user_id: str) -> None:
        """Close a private conversation on one's own side: it is no longer resumed, and
        the other person needs one's privacy setting again to write."""
        guest = self.chat.guest_of(link)
        if self.chat.state.close_private(guest, user_id):
            self.chat.notify_others(link, guest.id, PrivateDismissed(user_id))
            await self.chat.persist(guest)

    async def set_privacy(self, link: Link, raw: str) -> Privacy:
        guest = self.chat.guest_of(link)
        try:
            guest.privacy = Privacy(raw)
        except ValueError:
            raise InvalidInput("bad_request", field="privacy") from None
        self.chat.notify_others(link, guest.id, PrivacyChanged(guest.privacy))
        await self.chat.persist(guest)
        return guest.privacy

    async def set_nick(self, link: Link, nickname: str) -> Guest:
        chat = self.chat
        guest = chat.guest_of(link)
        old = guest.profile.nickname
        nick = chat.state.check_nickname(nickname, guest)
        # Every node must agree that the new name is free before this one takes it.
        if not await chat.shared.claim_nick(nickname_key(nick), guest.id):
            raise Refused("nickname_taken", field="nickname", nick=nick)
        try:
            chat.deliver(chat.state.rename(guest, nick))
        except Exception:
            if nickname_key(nick) != nickname_key(old):
                await chat.shared.release_nick(nickname_key(nick), guest.id)
            raise
        if nickname_key(nick) != nickname_key(old):
            await chat.shared.release_nick(nickname_key(old), guest.id)
        await chat.persist(guest)
        return guest

    def whois(self, link: Link, user_id: str) -> tuple[UserView, list[str]]:
        """A person's card: someone of the other age band is not found (SAFETY.md 5)."""
        guest = self.chat.guest_of(link)
        target = self.chat.state.visible_guest(guest, user_id)
        return target.view, self.chat.state.shared_rooms(guest, target)
