"""The console's words, in French (the default) and English.

``t(key, lang, **params)`` renders one; a refusal's code renders with ``error`` (console codes
here first, then the chat's messages in ``causette.i18n``). Rendering never raises: an unknown
key shows as itself, a missing parameter as an empty string.
"""

from __future__ import annotations

from causette import i18n
from causette.transport.console.i18n_audit import AUDIT_STRINGS

LANGS = ("fr", "en")

STRINGS: dict[str, dict[str, str]] = {
    "brand": {"fr": "causette · modération", "en": "causette · moderation"},
    # Navigation and page titles.
    "nav_queue": {"fr": "File", "en": "Queue"},
    "nav_appeals": {"fr": "Recours", "en": "Appeals"},
    "nav_rooms": {"fr": "Salons", "en": "Rooms"},
    "nav_emergency": {"fr": "Urgence", "en": "Emergency"},
    "nav_report": {"fr": "Signaler", "en": "Report"},
    "nav_my_reports": {"fr": "Mes signalements", "en": "My reports"},
    "title_login": {"fr": "Connexion", "en": "Log in"},
    "title_queue": {"fr": "File des signalements", "en": "Report queue"},
    "title_case": {"fr": "Dossier {code}", "en": "Case {code}"},
    "title_appeals": {"fr": "Recours en attente", "en": "Pending appeals"},
    "title_rooms": {"fr": "Salons en cours", "en": "Live rooms"},
    "title_room": {"fr": "Salon {name}", "en": "Room {name}"},
    "title_emergency": {"fr": "Niveaux d'urgence", "en": "Emergency levels"},
    "title_report": {"fr": "Signaler un contenu", "en": "Report content"},
    "title_my_reports": {"fr": "Mes signalements", "en": "My reports"},
    "title_error": {"fr": "Action impossible", "en": "Action refused"},
    "logout": {"fr": "Se déconnecter", "en": "Log out"},
    "back": {"fr": "Retour", "en": "Back"},
    # Login.
    "username": {"fr": "Identifiant", "en": "Username"},
    "password": {"fr": "Mot de passe", "en": "Password"},
    "totp_code": {
        "fr": "Code à usage unique (si activé)",
        "en": "One-time code (if enabled)",
    },
    "login": {"fr": "Se connecter", "en": "Log in"},
    "login_hint": {
        "fr": "Accès réservé à l'équipe de modération. Les comptes sont créés par "
        "l'exploitant (causette admin create-user).",
        "en": "For the moderation team only. Accounts are created by the operator "
        "(causette admin create-user).",
    },
    # Roles.
    "role_moderator": {"fr": "modération", "en": "moderator"},
    "role_administrator": {"fr": "administration", "en": "administrator"},
    "role_trusted_flagger": {"fr": "signaleur de confiance", "en": "trusted flagger"},
    # Queue.
    "category": {"fr": "Catégorie", "en": "Category"},
    "all_categories": {"fr": "Toutes", "en": "All"},
    "filter": {"fr": "Filtrer", "en": "Filter"},
    "queue_hint": {
        "fr": "Ordre : urgence, signaleurs de confiance, puis ancienneté. Raccourcis : j/k, "
        "Entrée, ? pour l'aide.",
        "en": "Order: urgency, trusted flaggers, then age. Shortcuts: j/k, Enter, ? for help.",
    },
    "queue_empty": {"fr": "Aucun dossier ouvert.", "en": "No open case."},
    "queue_count": {
        "fr": "{total} dossiers ouverts — page {page} sur {pages}.",
        "en": "{total} open cases — page {page} of {pages}.",
    },
    "queue_one_reporter": {
        "fr": "Dossiers signalés par un même signaleur (même réseau ou même appareil).",
        "en": "Cases reported by one reporter (same network or same device).",
    },
    "queue_all_reporters": {"fr": "Tous les dossiers", "en": "All cases"},
    "reporter": {"fr": "Signaleur", "en": "Reporter"},
    "same_reporter": {
        "fr": "{count} dossiers de ce seul signaleur",
        "en": "{count} cases from this reporter alone",
    },
    "pages": {"fr": "Pages du tableau", "en": "Queue pages"},
    "page_previous": {"fr": "← Page précédente", "en": "← Previous page"},
    "page_next": {"fr": "Page suivante →", "en": "Next page →"},
    "live_updates": {"fr": "Mise à jour en direct.", "en": "Live updates."},
    "code": {"fr": "Code", "en": "Code"},
    "priority": {"fr": "Priorité", "en": "Priority"},
    "trusted": {"fr": "Signaleur de confiance", "en": "Trusted flagger"},
    "trusted_badge": {"fr": "confiance", "en": "trusted"},
    "age": {"fr": "Ancienneté", "en": "Age"},
    "reports": {"fr": "Signalements", "en": "Reports"},
    "held": {"fr": "Retenus", "en": "Held"},
    "held_badge": {"fr": "{count} retenu(s)", "en": "{count} held"},
    "held_messages": {
        "fr": "Messages retenus par la protection automatique",
        "en": "Messages held by the automatic protection",
    },
    "held_hint": {
        "fr": "Seul l'auteur les voit. Publier les remet dans la conversation ; retirer les "
        "supprime et prévient l'auteur. Les passages surlignés sont ceux qui ont déclenché "
        "les règles.",
        "en": "Only their author sees them. Releasing delivers them; removing deletes them "
        "and tells the author. Highlighted passages are what fired the rules.",
    },
    "held_rules": {"fr": "Règles : {rules}", "en": "Rules: {rules}"},
    "do_release": {"fr": "Publier", "en": "Release"},
    "do_remove_held": {"fr": "Retirer", "en": "Remove"},
    "named_persons": {
        "fr": "Personnes nommées par la détection",
        "en": "Persons named by the detection",
    },
    "named_hint": {
        "fr": "Adultes en conversation privée avec une personne qui a dit être mineure : "
        "chacun a son propre dossier.",
        "en": "Adults in a private conversation with a person who said they are a minor: "
        "each has a case of their own.",
    },
    # Categories (DSA notice categories).
    "cat_child_abuse": {
        "fr": "Abus sexuel sur mineur, pédocriminalité",
        "en": "Child sexual abuse, grooming",
    },
    "cat_threat": {
        "fr": "Menace pour la vie ou la sécurité, guet-apens",
        "en": "Threat to life or safety, ambush",
    },
    "cat_trafficking": {"fr": "Prostitution, traite", "en": "Prostitution, trafficking"},
    "cat_harassment": {"fr": "Harcèlement", "en": "Harassment"},
    "cat_hate": {"fr": "Haine, discrimination", "en": "Hate, discrimination"},
    "cat_doxxing": {
        "fr": "Divulgation d'informations personnelles",
        "en": "Sharing someone's personal data",
    },
    "cat_spam": {"fr": "Spam, arnaque", "en": "Spam, scam"},
    "cat_illegal": {"fr": "Autre contenu illicite", "en": "Other illegal content"},
    "cat_terms": {
        "fr": "Manquement aux conditions d'utilisation",
        "en": "Breach of the terms of service",
    },
    # Case.
    "status": {"fr": "État", "en": "Status"},
    "status_open": {"fr": "ouvert", "en": "open"},
    "status_closed": {"fr": "clos ({outcome})", "en": "closed ({outcome})"},
    "outcome_actioned": {"fr": "mesure prise", "en": "actioned"},
    "outcome_rejected": {"fr": "rejeté", "en": "rejected"},
    "outcome_unfounded": {"fr": "manifestement infondé", "en": "manifestly unfounded"},
    "opened": {"fr": "Ouvert le", "en": "Opened"},
    "subject": {"fr": "Concerne", "en": "About"},
    "subject_person": {"fr": "une personne (appareil)", "en": "a person (device)"},
    "subject_room": {"fr": "le salon {room}", "en": "the room {room}"},
    "yes": {"fr": "oui", "en": "yes"},
    "no": {"fr": "non", "en": "no"},
    "receipt": {"fr": "Récépissé", "en": "Receipt"},
    "source": {"fr": "Source", "en": "Source"},
    "source_visitor": {"fr": "visiteur", "en": "visitor"},
    "source_trusted_flagger": {"fr": "signaleur de confiance", "en": "trusted flagger"},
    "source_moderator": {"fr": "modération", "en": "moderator"},
    "source_automated": {"fr": "détection automatique", "en": "automated detection"},
    "date": {"fr": "Date", "en": "Date"},
    "target": {"fr": "Cible", "en": "Target"},
    "explanation": {"fr": "Explication", "en": "Explanation"},
    "contact": {"fr": "Contact", "en": "Contact"},
    "loc_message": {"fr": "message n° {id}", "en": "message #{id}"},
    "loc_user": {"fr": "personne {id}", "en": "person {id}"},
    "loc_room": {"fr": "salon {room}", "en": "room {room}"},
    "evidence": {"fr": "Preuves figées", "en": "Frozen evidence"},
    "frozen_at": {"fr": "Conversation figée le {at}", "en": "Conversation frozen on {at}"},
    "reported_message": {"fr": "message signalé", "en": "reported message"},
    "no_messages": {"fr": "Aucun message.", "en": "No message."},
    "message_removed": {"fr": "supprimé par la modération", "en": "removed by the moderators"},
    "no_evidence": {"fr": "Aucune preuve enregistrée.", "en": "No evidence recorded."},
    "session_data": {"fr": "Session de la personne", "en": "The person's session"},
    "no_session": {"fr": "Aucune donnée de session.", "en": "No session data."},
    "nickname": {"fr": "Pseudo", "en": "Nickname"},
    "declared_age": {"fr": "Âge déclaré", "en": "Declared age"},
    "gender": {"fr": "Genre", "en": "Gender"},
    "gender_man": {"fr": "homme", "en": "man"},
    "gender_woman": {"fr": "femme", "en": "woman"},
    "gender_other": {"fr": "autre", "en": "other"},
    "departement": {"fr": "Département", "en": "Département"},
    "device_hash": {"fr": "Appareil (empreinte)", "en": "Device (hash)"},
    "network_hash": {"fr": "Réseau (empreinte)", "en": "Network (hash)"},
    "online_now": {"fr": "En ligne", "en": "Online"},
    "online_as": {"fr": "oui, {nick} (salons : {rooms})", "en": "yes, {nick} (rooms: {rooms})"},
    "history": {"fr": "Antécédents", "en": "History"},
    "previous_cases": {"fr": "Dossiers précédents", "en": "Previous cases"},
    "no_previous_cases": {"fr": "Aucun dossier précédent.", "en": "No previous case."},
    "decisions": {"fr": "Décisions", "en": "Decisions"},
    "no_decisions": {"fr": "Aucune décision.", "en": "No decision."},
    "reversed_at": {"fr": "annulée le {at}", "en": "reversed on {at}"},
    "audit_trail": {"fr": "Journal du dossier", "en": "Audit trail"},
    "no_audit": {"fr": "Rien au journal.", "en": "Nothing logged."},
    # The audit trail, one sentence per entry (``sentences.py``).
    "evidence_of_reports": {
        "fr": "Signalements qui y renvoient : {receipts}",
        "en": "Reports pointing into it: {receipts}",
    },
    # Actions.
    "actions": {"fr": "Décider", "en": "Decide"},
    "kind_warning": {"fr": "Avertir", "en": "Warn"},
    "kind_removal": {"fr": "Retirer le message signalé", "en": "Remove the reported message"},
    "kind_mute": {"fr": "Rendre muet", "en": "Mute"},
    "kind_kick": {"fr": "Exclure du salon", "en": "Kick from the room"},
    "kind_room_ban": {"fr": "Bannir du salon", "en": "Ban from the room"},
    "kind_site_ban": {"fr": "Bannir du site", "en": "Ban from the site"},
    "kind_suspension": {"fr": "Suspension (art. 23)", "en": "Suspension (Art. 23)"},
    "do_warning": {"fr": "Avertir", "en": "Warn"},
    "do_removal": {"fr": "Retirer", "en": "Remove"},
    "do_delete": {"fr": "Supprimer", "en": "Delete"},
    "do_mute": {"fr": "Rendre muet", "en": "Mute"},
    "do_kick": {"fr": "Exclure", "en": "Kick"},
    "do_room_ban": {"fr": "Bannir du salon", "en": "Room ban"},
    "do_site_ban": {"fr": "Bannir du site", "en": "Site ban"},
    "do_reject": {"fr": "Rejeter", "en": "Reject"},
    "do_reject_unfounded": {
        "fr": "Rejeter : manifestement infondé",
        "en": "Reject as manifestly unfounded",
    },
    "unfounded_hint": {
        "fr": "« Manifestement infondé » compte contre les auteurs du signalement (DSA art. 23).",
        "en": "“Manifestly unfounded” counts against the reporters (DSA Art. 23).",
    },
    "reason": {"fr": "Motif", "en": "Reason"},
    "facts": {"fr": "Faits retenus", "en": "Facts relied on"},
    "ground": {"fr": "Fondement", "en": "Ground"},
    "ground_detail": {"fr": "Précision (facultatif)", "en": "Detail (optional)"},
    "duration": {"fr": "Durée", "en": "Duration"},
    "duration_indefinite": {"fr": "indéfinie", "en": "indefinite"},
    "room": {"fr": "Salon", "en": "Room"},
    "also_remove": {
        "fr": "retirer aussi le message signalé",
        "en": "also remove the reported message",
    },
    "network_binding": {"fr": "Réseau", "en": "Network"},
    "rules_link": {"fr": "règle appliquée", "en": "rule applied"},
    "dsa_line": {
        "fr": "Base de données DSA : {category}, fondée sur {ground}{automated}",
        "en": "DSA database: {category}, on {ground}{automated}",
    },
    "ground_illegal_content": {
        "fr": "la loi (contenu illicite)",
        "en": "the law (illegal content)",
    },
    "ground_incompatible_content": {
        "fr": "les CGU (contenu incompatible)",
        "en": "the terms (incompatible content)",
    },
    "dsa_automated": {"fr": ", décision automatisée", "en": ", automated decision"},
    "dsa_not_statement": {
        "fr": "avertissement : n'est pas transmis à la base de données DSA",
        "en": "warning: not sent to the DSA database",
    },
    "bind_network": {
        "fr": "étendre au réseau utilisé (les autres appareils de cette adresse)",
        "en": "extend to the network used (the other devices on this address)",
    },
    "network_duration": {"fr": "Restreindre le réseau pendant", "en": "Restrict the network for"},
    "network_binding_hint": {
        "fr": "Les autres appareils du réseau apprennent seulement que le réseau est restreint "
        "et jusqu'à quand, sans la décision, et peuvent demander un réexamen. Une adresse "
        "peut être partagée (famille, campus, opérateur) : décochez pour ne viser que "
        "l'appareil.",
        "en": "Other devices on the network only learn that it is restricted and until when, "
        "without the decision, and may ask for a review. An address may be shared (family, "
        "campus, carrier): untick to target the device alone.",
    },
    "manifestly_illegal": {
        "fr": "manifestement illicite (compte pour l'art. 23)",
        "en": "manifestly illegal (counts for Art. 23)",
    },
    "export_note": {
        "fr": "Art. 18 DSA : transmettre le dossier aux autorités (Pharos, 17 / 112). "
        "L'export est consigné au journal.",
        "en": "DSA Art. 18: send the case to the authorities (Pharos, 17 / 112). "
        "The export is recorded in the audit log.",
    },
    "export_json": {"fr": "Exporter (JSON)", "en": "Export (JSON)"},
    "export_html": {"fr": "Exporter (page imprimable)", "en": "Export (printable page)"},
    # Appeals.
    "no_appeals": {"fr": "Aucun recours en attente.", "en": "No pending appeal."},
    "filed_at": {"fr": "déposé le {at}", "en": "filed on {at}"},
    "appellant_affected": {"fr": "par la personne sanctionnée", "en": "by the person affected"},
    "appellant_reporter": {"fr": "par l'auteur du signalement", "en": "by the reporter"},
    "appellant_network": {
        "fr": "réexamen demandé par un autre appareil du réseau",
        "en": "review asked by another device on the network",
    },
    "network_review_hint": {
        "fr": "L'appareil {device} est retenu par l'extension au réseau de la décision "
        "ci-dessous, qui concerne quelqu'un d'autre. Il ne voit rien de cette décision : "
        "votre réponse lui parvient telle quelle, n'y mettez aucun détail de la décision.",
        "en": "Device {device} is held back by the network extension of the decision below, "
        "which is about someone else. It sees nothing of that decision: your answer reaches "
        "it as written, put no detail of the decision in it.",
    },
    "review_no_text": {"fr": "(sans explication)", "en": "(no explanation)"},
    "do_spare": {"fr": "Lever pour cet appareil", "en": "Lift for this device"},
    "do_keep": {"fr": "Maintenir la restriction", "en": "Keep the restriction"},
    "queue_reviews": {
        "fr": "Demandes de réexamen d'un réseau en attente : {count}",
        "en": "Network reviews waiting: {count}",
    },
    "appeal_of_report": {
        "fr": "Contre le rejet du signalement {receipt} ({category}).",
        "en": "Against the rejection of report {receipt} ({category}).",
    },
    "appeal_same_moderator_hint": {
        "fr": "Vous avez pris cette décision : une autre personne doit trancher le recours.",
        "en": "You took this decision: someone else must decide the appeal.",
    },
    "answer": {"fr": "Réponse motivée", "en": "Reasoned answer"},
    "do_reverse": {"fr": "Annuler la décision", "en": "Reverse the decision"},
    "do_uphold": {"fr": "Maintenir", "en": "Uphold"},
    "do_uphold_unfounded": {
        "fr": "Maintenir : recours manifestement infondé",
        "en": "Uphold: manifestly unfounded appeal",
    },
    # Rooms.
    "room_kind": {"fr": "Type", "en": "Kind"},
    "room_official": {"fr": "officiel", "en": "official"},
    "room_user": {"fr": "créé par un visiteur", "en": "visitor's"},
    "members": {"fr": "Présents", "en": "Members"},
    "moderated": {"fr": "Modéré", "en": "Moderated"},
    "closed": {"fr": "Fermé", "en": "Closed"},
    "moderate": {"fr": "Passer en modéré", "en": "Make moderated"},
    "unmoderate": {"fr": "Retirer la modération", "en": "Make unmoderated"},
    "close": {"fr": "Fermer", "en": "Close"},
    "voice": {"fr": "Donner la parole", "en": "Give voice"},
    "unvoice": {"fr": "Retirer la parole", "en": "Take voice"},
    "reopen": {"fr": "Rouvrir", "en": "Reopen"},
    "room_state": {
        "fr": "{count} présents · modéré : {moderated} · fermé : {closed}",
        "en": "{count} members · moderated: {moderated} · closed: {closed}",
    },
    "recent_messages": {"fr": "Derniers messages", "en": "Recent messages"},
    "no_members": {"fr": "Personne.", "en": "Nobody."},
    # Emergency.
    "emergency_hint": {
        "fr": "Mesures immédiates pour tout le site, consignées au journal.",
        "en": "Immediate site-wide measures, recorded in the audit log.",
    },
    "level_close_entries": {"fr": "Fermer les entrées", "en": "Close new entries"},
    "level_close_entries_hint": {
        "fr": "Plus personne ne peut entrer ; les personnes présentes restent.",
        "en": "Nobody new can enter; people already in stay.",
    },
    "level_private_shared_room_only": {
        "fr": "Messages privés entre membres d'un même salon seulement",
        "en": "Private messages only between people sharing a room",
    },
    "level_private_shared_room_only_hint": {
        "fr": "Un message privé exige un salon en commun.",
        "en": "A private message needs a room in common.",
    },
    "level_all_rooms_moderated": {"fr": "Tous les salons modérés", "en": "All rooms moderated"},
    "level_all_rooms_moderated_hint": {
        "fr": "Seules les personnes autorisées parlent dans les salons.",
        "en": "Only people given a voice speak in rooms.",
    },
    "on": {"fr": "activé", "en": "on"},
    "off": {"fr": "désactivé", "en": "off"},
    "turn_on": {"fr": "Activer", "en": "Turn on"},
    "turn_off": {"fr": "Désactiver", "en": "Turn off"},
    # Reports by trusted flaggers.
    "report_hint": {
        "fr": "Indiquez au moins un message, une personne ou un salon (identifiants visibles "
        "dans le chat).",
        "en": "Give at least a message, a person or a room (ids as shown in the chat).",
    },
    "message_id": {"fr": "N° de message", "en": "Message id"},
    "user_id": {"fr": "Identifiant de la personne", "en": "Person's id"},
    "good_faith": {
        "fr": "Je déclare de bonne foi que ce signalement est exact et complet.",
        "en": "I declare in good faith that this report is accurate and complete.",
    },
    "send_report": {"fr": "Envoyer le signalement", "en": "Send the report"},
    "no_reports": {"fr": "Aucun signalement.", "en": "No report."},
    # Flash lines after an action.
    "done_decided": {
        "fr": "Décision enregistrée et appliquée.",
        "en": "Decision recorded and applied.",
    },
    "done_rejected": {"fr": "Dossier rejeté.", "en": "Case rejected."},
    "done_held_released": {"fr": "Message publié.", "en": "Message released."},
    "done_held_removed": {
        "fr": "Message retiré ; son auteur est prévenu.",
        "en": "Message removed; its author was told.",
    },
    "done_appeal_decided": {"fr": "Recours tranché.", "en": "Appeal decided."},
    "done_room_updated": {"fr": "Salon mis à jour.", "en": "Room updated."},
    "done_message_removed": {"fr": "Message retiré.", "en": "Message removed."},
    "done_guest_actioned": {"fr": "Mesure appliquée.", "en": "Measure applied."},
    "done_emergency_updated": {"fr": "Niveau d'urgence modifié.", "en": "Emergency level changed."},
    "done_reported": {"fr": "Signalement enregistré.", "en": "Report filed."},
    "done_logged_out": {"fr": "Vous êtes déconnecté.", "en": "You are logged out."},
    # Keyboard shortcuts.
    "shortcuts": {"fr": "Raccourcis clavier", "en": "Keyboard shortcuts"},
    "shortcuts_note": {
        "fr": "Un raccourci ouvre et place le curseur dans le formulaire : rien n'est envoyé "
        "sans votre confirmation. Échap ferme l'aide.",
        "en": "A shortcut opens the form and puts the cursor in it: nothing is sent without "
        "your confirmation. Escape closes the help.",
    },
    "key_move": {"fr": "dossier suivant / précédent", "en": "next / previous case"},
    "key_open": {"fr": "ouvrir le dossier", "en": "open the case"},
    "key_remove": {"fr": "retirer le message", "en": "remove the message"},
    "key_warn": {"fr": "avertir", "en": "warn"},
    "key_mute": {"fr": "rendre muet", "en": "mute"},
    "key_ban": {"fr": "bannir du site", "en": "site ban"},
    "key_reject": {"fr": "rejeter", "en": "reject"},
    "key_help": {"fr": "afficher cette aide", "en": "show this help"},
}

STRINGS.update(AUDIT_STRINGS)

# Refusals the console itself makes, or whose chat wording does not fit a moderator.
ERRORS: dict[str, dict[str, str]] = {
    "export_unavailable": {
        "fr": "L'export pour les autorités n'est pas encore disponible sur ce serveur.",
        "en": "The export for the authorities is not available on this server yet.",
    },
    "login_failed": {
        "fr": "Identifiant, mot de passe ou code incorrect.",
        "en": "Wrong username, password or code.",
    },
    "account_locked": {
        "fr": "Trop d'essais : ce compte est verrouillé pour quelques minutes.",
        "en": "Too many attempts: this account is locked for a few minutes.",
    },
    "login_throttled": {
        "fr": "Trop de tentatives de connexion depuis votre réseau : réessayez dans "
        "{retry_after} s.",
        "en": "Too many login attempts from your network: try again in {retry_after} s.",
    },
    "login_busy": {
        "fr": "Le serveur traite trop de connexions en ce moment : réessayez dans un instant.",
        "en": "The server is handling too many logins right now: try again in a moment.",
    },
    "session_invalid": {
        "fr": "Vous n'êtes pas connecté.",
        "en": "You are not logged in.",
    },
    "session_expired": {
        "fr": "Session expirée après une période d'inactivité : reconnectez-vous.",
        "en": "Session expired after a period of inactivity: please log in again.",
    },
    "csrf_failed": {
        "fr": "Jeton de sécurité absent ou invalide : rien n'a été fait. Rechargez la page "
        "et recommencez.",
        "en": "Missing or invalid security token: nothing was done. Reload the page and try again.",
    },
    "cross_origin": {
        "fr": "Requête venue d'un autre site : refusée, rien n'a été fait.",
        "en": "Request from another site: refused, nothing was done.",
    },
    "forbidden": {
        "fr": "Votre rôle ne permet pas cette action.",
        "en": "Your role does not allow this.",
    },
    "not_found": {"fr": "Introuvable.", "en": "Not found."},
    "bad_request": {"fr": "Formulaire incomplet ou invalide.", "en": "Incomplete or invalid form."},
    "case_not_found": {
        "fr": "Ce dossier n'existe pas ou est déjà clos.",
        "en": "This case does not exist or is already closed.",
    },
    "case_not_about_person": {
        "fr": "Ce dossier concerne un salon : agissez depuis la page des salons.",
        "en": "This case is about a room: act from the rooms page.",
    },
    "action_facts_required": {
        "fr": "Indiquez les faits retenus (ou le motif).",
        "en": "State the facts relied on (or the reason).",
    },
    "action_ground_required": {"fr": "Choisissez un fondement.", "en": "Choose a ground."},
    "action_room_required": {"fr": "Choisissez un salon.", "en": "Choose a room."},
    # A suspension (Art. 23, automatic) or a removal of no message: the form was tampered with.
    "action_kind_invalid": {
        "fr": "Formulaire incomplet ou invalide.",
        "en": "Incomplete or invalid form.",
    },
    "action_duration_invalid": {"fr": "Durée invalide.", "en": "Invalid duration."},
    "action_network_duration_invalid": {
        "fr": "Durée sur le réseau invalide (seul un bannissement du site s'étend au réseau).",
        "en": "Invalid network duration (only a site ban extends to the network).",
    },
    "action_message_required": {
        "fr": "Aucun message à retirer dans ce dossier.",
        "en": "No message to remove in this case.",
    },
    "appeal_unfounded_reversed": {
        "fr": "Un recours accueilli ne peut pas être manifestement infondé.",
        "en": "An appeal that succeeds cannot be manifestly unfounded.",
    },
    "appeal_same_moderator": {
        "fr": "Vous avez pris la décision contestée : une autre personne doit trancher.",
        "en": "You took the contested decision: someone else must decide.",
    },
    "appeal_answer_required": {"fr": "Rédigez une réponse motivée.", "en": "Write an answer."},
    "appeal_not_found": {
        "fr": "Ce recours n'existe pas ou est déjà tranché.",
        "en": "This appeal does not exist or was already decided.",
    },
    "export_not_allowed": {
        "fr": "L'export aux autorités est réservé aux dossiers d'abus sur mineur, de menace et "
        "de traite.",
        "en": "Exports to the authorities are for child abuse, threat and trafficking cases.",
    },
    "username_invalid": {
        "fr": "Identifiant : 3 à 32 caractères parmi a-z, 0-9, point, tiret et tiret bas.",
        "en": "Username: 3 to 32 characters among a-z, 0-9, dot, hyphen and underscore.",
    },
    "password_too_short": {
        "fr": "Le mot de passe doit faire au moins {min} caractères.",
        "en": "The password must be at least {min} characters long.",
    },
    "username_taken": {"fr": "Cet identifiant existe déjà.", "en": "This username exists already."},
}


class _Params(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return ""


def pick(lang: str | None) -> str:
    return lang if lang in LANGS else "fr"


def t(key: str, lang: str, **params: object) -> str:
    """The text of ``key`` in ``lang`` (French if unknown), with ``params`` filled in."""
    texts = STRINGS.get(key)
    if texts is None:
        return key
    template = texts.get(pick(lang), texts["fr"])
    try:
        return template.format_map(_Params(params))
    except (ValueError, IndexError):
        return template


def error(code: str, lang: str, params: dict[str, object] | None = None) -> str:
    """A refusal as a moderator reads it."""
    texts = ERRORS.get(code)
    if texts is None:
        return i18n.message(code, pick(lang), params)
    template = texts.get(pick(lang), texts["fr"])
    try:
        return template.format_map(_Params(params or {}))
    except (ValueError, IndexError):
        return template
