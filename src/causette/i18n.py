"""Human messages for the server's error, notice and disconnect codes, in French and English.

Every refusal carries a stable ``code`` (see ``docs/protocol.md``, "Error codes") and keyword
``params``; this module renders them for the visitor's language. French is the default: an
unsupported language falls back to it, an unknown code to a generic message. Rendering never
raises: a missing parameter renders as an empty string.

Parameters the templates use: ``min``, ``max`` (lengths and limits), ``retry_after`` (seconds),
``until`` (a preformatted date and time), ``char`` (the offending character), ``room``, ``by``,
``reason`` (optional, for ``kicked``).
"""

from __future__ import annotations

from collections.abc import Mapping

LANGS: tuple[str, ...] = ("fr", "en")
DEFAULT_LANG = "fr"

MESSAGES: dict[str, dict[str, str]] = {
    # Requests and sessions.
    "bad_request": {
        "fr": "Requête invalide : le serveur ne l'a pas comprise.",
        "en": "Invalid request: the server could not understand it.",
    },
    "text_chars": {
        "fr": "Ce texte contient un caractère qui ne peut être ni enregistré ni affiché ({char}).",
        "en": "This text holds a character that can be neither stored nor displayed ({char}).",
    },
    "protocol_unsupported": {
        "fr": "Cette version de l'application n'est plus prise en charge : recharge la page.",
        "en": "This version of the app is not supported: please reload the page.",
    },
    "not_entered": {
        "fr": "Entre d'abord dans le chat avec un pseudo.",
        "en": "Please enter the chat with a nickname first.",
    },
    "message_refused": {
        "fr": "Ce message n'a pas été envoyé : il enfreint les règles du site.",
        "en": "This message was not sent: it breaks the site's rules.",
    },
    "message_refused_spam": {
        "fr": (
            "Ce message n'a pas été envoyé : il ressemble à du spam (liens en série ou le même "
            "texte répété). Tu ne peux plus écrire pendant quelques minutes."
        ),
        "en": (
            "This message was not sent: it looks like spam (a run of links or the same text "
            "again). You cannot write for a few minutes."
        ),
    },
    "private_closed": {
        "fr": "Cette conversation privée a été fermée par la plateforme.",
        "en": "This private conversation was closed by the platform.",
    },
    "already_entered": {
        "fr": "Tu es déjà dans le chat sur cette connexion.",
        "en": "You are already in the chat on this connection.",
    },
    # Entry form.
    "nickname_length": {
        "fr": "Ton pseudo doit faire entre {min} et {max} caractères.",
        "en": "Your nickname must be between {min} and {max} characters long.",
    },
    "nickname_chars": {
        "fr": "Le caractère « {char} » n'est pas autorisé dans un pseudo.",
        "en": "The character “{char}” is not allowed in a nickname.",
    },
    "nickname_reserved": {
        "fr": "Ce pseudo est réservé : choisis-en un autre.",
        "en": "This nickname is reserved: please choose another one.",
    },
    "nickname_taken": {
        "fr": "Ce pseudo est déjà pris : choisis-en un autre.",
        "en": "This nickname is already taken: please choose another one.",
    },
    "age_invalid": {
        "fr": "Indique ton âge en nombre entier, entre 1 et 120.",
        "en": "Please enter your age as a whole number between 1 and 120.",
    },
    "age_below_minimum": {
        "fr": (
            "Désolé, ce site est réservé aux personnes de {min} ans et plus : l'entrée est "
            "bloquée sur cet appareil jusqu'au {until}. Si tu as besoin de parler à quelqu'un, "
            "le 3018 (harcèlement en ligne) est gratuit et anonyme."
        ),
        "en": (
            "Sorry, this site is only for people aged {min} and over: entry is blocked on this "
            "device until {until}. If you need to talk to someone, 3018 (the French helpline "
            "for online harassment) is free and anonymous."
        ),
    },
    "age_cooldown": {
        "fr": "L'entrée est temporairement bloquée sur cet appareil jusqu'au {until}.",
        "en": "Entry is temporarily blocked on this device until {until}.",
    },
    "age_network_cooldown": {
        "fr": (
            "Une entrée vient d'être refusée pour l'âge depuis ce réseau (le même accès "
            "internet) : les entrées depuis ce réseau reprennent le {until}. Ton appareil, lui, "
            "n'est pas bloqué."
        ),
        "en": (
            "An entry was just refused for age from this network (the same internet access): "
            "entries from this network resume at {until}. Your device itself is not blocked."
        ),
    },
    "age_cooldown_declared": {
        "fr": (
            "Sur cet appareil, tu as déclaré {declared} ans : cet âge reste le tien jusqu'au "
            "{until}. Ce n'est pas une sanction ; entre avec {declared} ans d'ici là."
        ),
        "en": (
            "On this device you declared you are {declared}: that age stands until {until}. "
            "This is not a sanction; enter as {declared} until then."
        ),
    },
    "gender_invalid": {
        "fr": "Choisis un genre dans la liste.",
        "en": "Please choose a gender from the list.",
    },
    "postal_code_invalid": {
        "fr": "Indique un code postal français à 5 chiffres, ou coche « J'habite à l'étranger ».",
        "en": "Please enter a 5-digit French postal code, or tick “I live outside France”.",
    },
    "postal_code_unknown": {
        "fr": "Ce code postal n'existe pas : vérifie-le, ou coche « J'habite à l'étranger ».",
        "en": "This postal code does not exist: check it, or tick “I live outside France”.",
    },
    "lang_invalid": {
        "fr": "Langue non prise en charge : choisis le français ou l'anglais.",
        "en": "Unsupported language: please choose French or English.",
    },
    # Rooms.
    "room_name_length": {
        "fr": "Le nom du salon doit faire entre {min} et {max} caractères.",
        "en": "The room name must be between {min} and {max} characters long.",
    },
    "room_name_chars": {
        "fr": "Le caractère « {char} » n'est pas autorisé dans un nom de salon.",
        "en": "The character “{char}” is not allowed in a room name.",
    },
    "room_name_reserved": {
        "fr": "Ce nom de salon est réservé : choisis-en un autre.",
        "en": "This room name is reserved: please choose another one.",
    },
    "room_exists": {
        "fr": "Un salon porte déjà ce nom : choisis-en un autre.",
        "en": "A room with this name already exists: please choose another name.",
    },
    "topic_length": {
        "fr": "Le sujet ne doit pas dépasser {max} caractères.",
        "en": "The topic must be at most {max} characters long.",
    },
    "room_not_found": {
        "fr": "Ce salon n'existe pas ou plus.",
        "en": "This room does not exist or no longer exists.",
    },
    "not_in_room": {
        "fr": "Tu n'es pas dans ce salon.",
        "en": "You are not in this room.",
    },
    "rooms_max": {
        "fr": (
            "Tu es déjà dans {max} salons, le maximum : quittes-en un pour en rejoindre un autre."
        ),
        "en": "You are already in {max} rooms, the maximum: leave one to join another.",
    },
    "not_room_owner": {
        "fr": "Seule la personne qui a créé ce salon peut faire ça.",
        "en": "Only the person who created this room can do that.",
    },
    # People and messages.
    "user_not_found": {
        "fr": "Cette personne n'est pas ou plus connectée.",
        "en": "This person is not or no longer online.",
    },
    "message_empty": {
        "fr": "Ton message est vide.",
        "en": "Your message is empty.",
    },
    "message_too_long": {
        "fr": "Ton message est trop long : {max} caractères au maximum.",
        "en": "Your message is too long: {max} characters at most.",
    },
    "private_refused_nobody": {
        "fr": "Cette personne n'accepte pas les conversations privées.",
        "en": "This person does not accept private conversations.",
    },
    "private_refused_shared_room": {
        "fr": (
            "Cette personne n'accepte les conversations privées qu'avec les personnes "
            "présentes dans l'un de ses salons."
        ),
        "en": (
            "This person only accepts private conversations with people who are in one of "
            "their rooms."
        ),
    },
    "private_self": {
        "fr": "Tu ne peux pas t'écrire à toi-même.",
        "en": "You cannot send a private message to yourself.",
    },
    "cannot_ignore_self": {
        "fr": "Tu ne peux pas t'ignorer toi-même.",
        "en": "You cannot ignore yourself.",
    },
    # Limits.
    "rate_limited": {
        "fr": "Doucement ! Réessaie dans {retry_after} s.",
        "en": "Slow down! Try again in {retry_after} s.",
    },
    "too_many_connections": {
        "fr": "Trop de connexions depuis ton réseau ({max} au maximum).",
        "en": "Too many connections from your network ({max} at most).",
    },
    # Sessions, notices and disconnections.
    "session_expired": {
        "fr": "Ta session a expiré : entre à nouveau dans le chat.",
        "en": "Your session has expired: please enter the chat again.",
    },
    "session_ended": {
        "fr": "Tu as quitté causette depuis un autre onglet ou une autre fenêtre.",
        "en": "You left causette from another tab or window.",
    },
    "room_kick_banned": {
        "fr": "Tu as été expulsé de ce salon : tu pourras y revenir à partir du {until}.",
        "en": "You were kicked out of this room: you may come back from {until}.",
    },
    "flood": {
        "fr": "Déconnexion : trop de messages envoyés trop vite.",
        "en": "Disconnected: too many messages sent too quickly.",
    },
    "slow_consumer": {
        "fr": "Déconnexion : ta connexion était trop lente pour suivre.",
        "en": "Disconnected: your connection was too slow to keep up.",
    },
    "idle_timeout": {
        "fr": "Déconnexion : aucune activité depuis 90 secondes.",
        "en": "Disconnected: no activity for 90 seconds.",
    },
    "server_shutdown": {
        "fr": "Le serveur s'arrête : reconnecte-toi dans un instant pour reprendre ta session.",
        "en": "The server is stopping: reconnect in a moment to resume your session.",
    },
    "internal_error": {
        "fr": "Une erreur s'est produite sur le serveur ; ta demande n'a pas été prise en compte.",
        "en": "Something went wrong on the server; your request had no effect.",
    },
    "cannot_kick_self": {
        "fr": "Tu ne peux pas te faire sortir toi-même : quitte le salon.",
        "en": "You cannot remove yourself: leave the room instead.",
    },
    "user_rooms_max": {
        "fr": "Trop de salons ont été créés : réessaie plus tard ou rejoins un salon existant.",
        "en": "Too many rooms exist already: try later or join an existing room.",
    },
    "banned": {
        "fr": (
            "L'accès au site t'est fermé{until_note} (décision {decision}). Tu peux lire la "
            "décision et la contester."
        ),
        "en": (
            "The site is closed to you{until_note} (decision {decision}). You can read the "
            "decision and contest it."
        ),
    },
    "network_restricted": {
        "fr": (
            "L'accès au site est restreint depuis ce réseau{until_note}, à la suite d'une "
            "décision concernant une autre personne qui l'utilise. Si ce n'est pas toi, tu "
            "peux demander un réexamen pour ton appareil."
        ),
        "en": (
            "Access to the site is restricted from this network{until_note}, because of a "
            "decision about someone else using it. If it is not you, you can ask for a "
            "review for your device."
        ),
    },
    "review_not_restricted": {
        "fr": "Ce réseau n'est pas restreint pour ton appareil : tu peux entrer.",
        "en": "This network is not restricted for your device: you can enter.",
    },
    "review_pending": {
        "fr": "Ta demande de réexamen est déjà en cours d'examen.",
        "en": "Your review request is already being examined.",
    },
    "review_done": {
        "fr": "La modération a déjà examiné une demande de cet appareil pour ce réseau.",
        "en": "The moderators already examined a request from this device for this network.",
    },
    "review_text_too_long": {
        "fr": "Ton explication est trop longue : {max} caractères au maximum.",
        "en": "Your explanation is too long: {max} characters at most.",
    },
    "muted": {
        "fr": "Tu ne peux pas écrire pour le moment{until_note} (décision {decision}).",
        "en": "You cannot post for now{until_note} (decision {decision}).",
    },
    "room_banned": {
        "fr": "L'accès à ce salon t'est fermé{until_note} (décision {decision}).",
        "en": "You may not enter this room{until_note} (decision {decision}).",
    },
    "room_moderated": {
        "fr": (
            "Ce salon est modéré : seules les personnes autorisées par la modération peuvent "
            "écrire."
        ),
        "en": "This room is moderated: only people approved by the moderators can post.",
    },
    "room_band_teen": {
        "fr": "Ce salon est réservé aux mineurs : les adultes n'y entrent pas.",
        "en": "This room is for minors only: adults may not enter it.",
    },
    "room_band_adult": {
        "fr": "Ce salon est réservé aux adultes : choisis un salon de ta tranche d'âge.",
        "en": "This room is for adults only: please choose a room for your age group.",
    },
    "room_closed": {
        "fr": "Ce salon a été fermé par la modération.",
        "en": "This room was closed by the moderators.",
    },
    "entries_closed": {
        "fr": "Les nouvelles entrées sont fermées pour le moment. Réessaie plus tard.",
        "en": "New entries are closed for now. Please try again later.",
    },
    "private_refused_emergency": {
        "fr": (
            "Pour le moment, les messages privés ne sont possibles qu'entre personnes d'un "
            "même salon."
        ),
        "en": "For now, private messages are only possible between people sharing a room.",
    },
    "report_target_missing": {
        "fr": "Indique ce que tu signales : un message, une personne ou un salon.",
        "en": "Say what you are reporting: a message, a person or a room.",
    },
    "report_target_not_found": {
        "fr": "Ce que tu signales n'existe plus ou est introuvable.",
        "en": "What you are reporting no longer exists or cannot be found.",
    },
    "report_category_invalid": {
        "fr": "Choisis une catégorie de signalement.",
        "en": "Please choose a report category.",
    },
    "report_good_faith_required": {
        "fr": "Confirme que ton signalement est fait de bonne foi.",
        "en": "Please confirm that your report is made in good faith.",
    },
    "report_explanation_invalid": {
        "fr": "Ton explication doit faire au plus {max} caractères.",
        "en": "Your explanation must be at most {max} characters long.",
    },
    "report_contact_invalid": {
        "fr": "Le contact doit faire au plus {max} caractères.",
        "en": "The contact must be at most {max} characters long.",
    },
    "report_self": {
        "fr": "Tu ne peux pas te signaler toi-même.",
        "en": "You cannot report yourself.",
    },
    "decision_not_found": {
        "fr": "Aucune décision ne correspond à ce code.",
        "en": "No decision matches this code.",
    },
    "appeal_not_found": {
        "fr": "Aucune contestation ne correspond à ce code.",
        "en": "No appeal matches this code.",
    },
    "appeal_closed": {
        "fr": (
            "Cette décision ne peut plus être contestée (délai de six mois dépassé ou "
            "décision déjà annulée)."
        ),
        "en": (
            "This decision can no longer be contested (six months have passed or it was "
            "already reversed)."
        ),
    },
    "appeal_pending": {
        "fr": "Une contestation de cette décision est déjà en cours d'examen.",
        "en": "An appeal against this decision is already being examined.",
    },
    "appeal_not_rejected": {
        "fr": "Seul un signalement rejeté peut être contesté.",
        "en": "Only a rejected report can be contested.",
    },
    "appeal_text_required": {
        "fr": "Explique pourquoi tu contestes (au plus {max} caractères).",
        "en": "Explain why you contest (at most {max} characters).",
    },
    "config_invalid": {
        "fr": "Configuration invalide : {key} {problem}.",
        "en": "Invalid configuration: {key} {problem}.",
    },
}

_GENERIC: dict[str, str] = {
    "fr": "Erreur ({code}).",
    "en": "Error ({code}).",
}


class _SafeParams(dict[str, object]):
    """Parameters for ``str.format_map``: a missing key renders as an empty string."""

    def __missing__(self, key: str) -> str:
        return ""


_UNTIL_NOTE: dict[str, str] = {"fr": " jusqu'au {until}", "en": " until {until}"}


def is_supported(lang: str) -> bool:
    """Whether ``lang`` is one of the languages the server speaks (``LANGS``)."""
    return lang in LANGS


def message(code: str, lang: str, params: Mapping[str, object] | None = None) -> str:
    """Render the human message for ``code`` in ``lang`` with ``params``; never raises.

    An unsupported ``lang`` falls back to French, an unknown ``code`` to a generic
    "Erreur (code)." message, and a missing parameter renders as an empty string.
    """
    if not is_supported(lang):
        lang = DEFAULT_LANG
    # The same refusal reads differently when it is about an age declared earlier.
    if code == "age_cooldown" and (params or {}).get("declared") is not None:
        code = "age_cooldown_declared"
    # A message the safety rules refused says why when the reason is one people can act on.
    if code == "message_refused" and f"message_refused_{(params or {}).get('reason')}" in MESSAGES:
        code = f"message_refused_{(params or {}).get('reason')}"
    texts = MESSAGES.get(code)
    if texts is None:
        return _GENERIC[lang].format(code=code)
    template = texts.get(lang) or texts[DEFAULT_LANG]
    try:
        values = _SafeParams({k: "" if v is None else v for k, v in (params or {}).items()})
        until = str(values.get("until", ""))
        if until and "until_note" not in values:
            values["until_note"] = _UNTIL_NOTE[lang].format(until=until)
        return template.format_map(values)
    except Exception:
        # A parameter whose value cannot be rendered: the bare template beats no message.
        return template
