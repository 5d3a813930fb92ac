"""The console's words for the audit trail written as sentences (``sentences.py``), in French
and English; ``i18n.STRINGS`` includes them."""

from __future__ import annotations

AUDIT_STRINGS: dict[str, dict[str, str]] = {
    "audit_by_account": {"fr": "{name} ({role})", "en": "{name} ({role})"},
    "audit_by_system": {"fr": "Le système", "en": "The system"},
    "audit_by_visitor": {"fr": "Un visiteur", "en": "A visitor"},
    "audit_by_automated": {"fr": "La détection automatique", "en": "Automated detection"},
    "audit_by_unknown": {"fr": "Un compte inconnu", "en": "An unknown account"},
    "audit_notice_opened": {
        "fr": "Signalement {report} reçu ({source}, {category}) : le dossier est ouvert.",
        "en": "Report {report} received ({source}, {category}): the case is opened.",
    },
    "audit_notice_joined": {
        "fr": "Signalement {report} reçu ({source}, {category}) : joint au dossier.",
        "en": "Report {report} received ({source}, {category}): added to the case.",
    },
    "audit_restriction": {
        "fr": "{who} a décidé : {kind} (décision n° {decision})",
        "en": "{who} decided: {kind} (decision no. {decision})",
    },
    "audit_for": {"fr": "pour une durée : {duration}", "en": "for: {duration}"},
    "audit_in_room": {"fr": "dans le salon {room}", "en": "in room {room}"},
    "audit_network": {
        "fr": "étendu au réseau pour {duration}",
        "en": "extended to the network for {duration}",
    },
    "audit_message_removed": {
        "fr": "et retrait du message n° {id}",
        "en": "and removal of message no. {id}",
    },
    "audit_ground": {"fr": "Fondement : {ground}.", "en": "Ground: {ground}."},
    "audit_closed": {
        "fr": "{who} a clos le dossier : {outcome}.",
        "en": "{who} closed the case: {outcome}.",
    },
    "audit_reason": {"fr": "Motif : {reason}", "en": "Reason: {reason}"},
    "audit_appeal_filed": {
        "fr": "Recours déposé {appellant} contre la décision n° {decision}.",
        "en": "Appeal filed {appellant} against decision no. {decision}.",
    },
    "audit_appeal_decided": {
        "fr": "{who} a statué sur le recours : {outcome}.",
        "en": "{who} decided the appeal: {outcome}.",
    },
    "audit_appeal_reversed": {"fr": "décision annulée", "en": "decision reversed"},
    "audit_appeal_upheld": {"fr": "décision maintenue", "en": "decision upheld"},
    "audit_appeal_spared": {
        "fr": "restriction du réseau levée pour cet appareil",
        "en": "network restriction lifted for that device",
    },
    "audit_held_released": {
        "fr": "{who} a publié le message retenu n° {id} (publié sous le n° {new_id}).",
        "en": "{who} released held message no. {id} (posted as no. {new_id}).",
    },
    "audit_held_removed": {
        "fr": "{who} a retiré le message retenu n° {id} ; son auteur en est informé.",
        "en": "{who} removed held message no. {id}; its sender is told.",
    },
    "audit_export": {
        "fr": "{who} a exporté le dossier pour les autorités (art. 18 DSA).",
        "en": "{who} exported the case for the authorities (DSA Art. 18).",
    },
    "audit_misuse_warning": {
        "fr": "Usage abusif (art. 23 DSA) : {strikes} manquements, avertissement automatique "
        "(décision n° {decision}).",
        "en": "Misuse (DSA Art. 23): {strikes} strikes, automatic warning "
        "(decision no. {decision}).",
    },
    "audit_misuse_suspension": {
        "fr": "Usage abusif (art. 23 DSA) : {strikes} manquements, suspension automatique "
        "(décision n° {decision}).",
        "en": "Misuse (DSA Art. 23): {strikes} strikes, automatic suspension "
        "(decision no. {decision}).",
    },
    "audit_other": {"fr": "{who} : {action}", "en": "{who}: {action}"},
}
