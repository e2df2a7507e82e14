<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AssessmentPane</name>
    <message>
        <location filename="../../assessor/ui/assessment_pane.py" line="+64"/>
        <location line="+112"/>
        <source>&lt;b&gt;Assessment&lt;/b&gt;</source>
        <extracomment>How long typing pauses before the comment is saved.</extracomment>
        <translation>&lt;b&gt;Évaluation&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="-110"/>
        <source>Compliance scope</source>
        <translation>Périmètre de conformité</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+74"/>
        <source>Your comment — saved as you type.</source>
        <translation>Votre commentaire — enregistré au fil de la frappe.</translation>
    </message>
    <message>
        <location line="-73"/>
        <source>&amp;Comment</source>
        <translation>&amp;Commentaire</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>F&amp;inal (ready for the Committee)</source>
        <translation>Défi&amp;nitive (prête pour le Comité)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Final</source>
        <translation>Définitive</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>↻ The State’s follow-up changed after this rating was given. Read it, then keep the rating or choose another.</source>
        <translation>↻ Le suivi de l’État a changé après cette évaluation. Lisez-le, puis gardez l’évaluation ou choisissez-en une autre.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Follow-up newer than the rating</source>
        <translation>Suivi plus récent que l’évaluation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keep this rating</source>
        <translation>&amp;Garder cette évaluation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The rating stands after reading the newer follow-up</source>
        <translation>L’évaluation est maintenue après lecture du suivi plus récent</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save state</source>
        <translation>État de l’enregistrement</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>this recommendation</source>
        <translation>cette recommandation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Assessment of {codes}&lt;/b&gt;</source>
        <translation>&lt;b&gt;Évaluation de {codes}&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In compliance scope ({verb})</source>
        <translation>Dans le périmètre de conformité ({verb})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>⚠ Outside the compliance scope ({verb}): rating optional</source>
        <translation>⚠ Hors du périmètre de conformité ({verb})&#xa0;: évaluation facultative</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Nothing saved yet</source>
        <translation>Rien d’enregistré pour l’instant</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved {when} by {by}</source>
        <translation>Enregistré le {when} par {by}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved {when}</source>
        <translation>Enregistré le {when}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Editing…</source>
        <translation>Modification en cours…</translation>
    </message>
</context>
<context>
    <name>CarryOver</name>
    <message>
        <location filename="../../assessor/ui/carry_over.py" line="+34"/>
        <source>Carry over the last round to {codes}</source>
        <translation>Reprendre le cycle précédent pour {codes}</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Select the recommendation in the tree to carry its last round over</source>
        <translation>Sélectionnez la recommandation dans l’arborescence pour reprendre son cycle précédent</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Carry over the last round</source>
        <translation>Reprendre le cycle précédent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{codes} is already rated or commented in this round. Replace its rating and comment with the last round&apos;s? (Edit → Undo puts them back.)</source>
        <translation>{codes} est déjà évaluée ou commentée dans ce cycle. Remplacer son évaluation et son commentaire par ceux du cycle précédent&#xa0;? (Édition → Annuler les rétablit.)</translation>
    </message>
</context>
<context>
    <name>ChromeCounts</name>
    <message numerus="yes">
        <location filename="../../assessor/ui/window_chrome.py" line="+33"/>
        <source>{party}: {rated} of {in_scope} in scope rated · %n recommendation(s)</source>
        <translation>
            <numerusform>{party}&#xa0;: {rated} sur {in_scope} évaluées dans le périmètre · %n recommandation</numerusform>
            <numerusform>{party}&#xa0;: {rated} sur {in_scope} évaluées dans le périmètre · %n recommandations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../assessor/ui/conflict_dialog.py" line="+127"/>
        <source>Someone else changed {code}</source>
        <translation>Quelqu’un d’autre a modifié {code}</translation>
    </message>
    <message>
        <location line="-24"/>
        <location line="+26"/>
        <source>Someone</source>
        <translation>Quelqu’un</translation>
    </message>
    <message>
        <location line="-71"/>
        <source>Rating</source>
        <extracomment>The choices a conflict is settled by.</extracomment>
        <translation>Évaluation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rating kept after the newer follow-up</source>
        <translation>Évaluation maintenue après le suivi plus récent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>(no comment)</source>
        <translation>(aucun commentaire)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>— {who}, {when}</source>
        <translation>— {who}, {when}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>— {who}</source>
        <translation>— {who}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>me</source>
        <translation>moi</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&lt;b&gt;{who} changed {code} on {when}&lt;/b&gt;, after you opened it. Your change was not saved over theirs. Both are kept in the history, whatever you choose.</source>
        <translation>&lt;b&gt;{who} a modifié {code} le {when}&lt;/b&gt;, après que vous l’avez ouverte. Votre modification n’a pas été enregistrée par-dessus la sienne. Les deux sont conservées dans l’historique, quel que soit votre choix.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Theirs</source>
        <translation>Leur version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mine</source>
        <translation>Ma version</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Theirs — {who}, {when}</source>
        <translation>Leur version — {who}, {when}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mine — {who}, not saved</source>
        <translation>Ma version — {who}, non enregistrée</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Merged comment</source>
        <translation>Commentaire fusionné</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The merged comment (edit it, then save it)</source>
        <translation>Le commentaire fusionné (modifiez-le, puis enregistrez-le)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keep &amp;mine</source>
        <translation>Garder la &amp;mienne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save mine over theirs</source>
        <translation>Enregistrer ma version par-dessus la leur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take &amp;theirs</source>
        <translation>Prendre la &amp;leur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drop mine (the history keeps it) and show theirs</source>
        <translation>Abandonner ma version (l’historique la garde) et afficher la leur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge the &amp;comments by hand…</source>
        <translation>Fusionner les &amp;commentaires à la main…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save the merged comment</source>
        <translation>&amp;Enregistrer le commentaire fusionné</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../../assessor/ui/connect_dialog.py" line="+53"/>
        <source>The server {where} cannot be reached. Check the host name and the port, that the server is running, and that this computer may reach it (network, VPN, firewall).</source>
        <extracomment>A host name or address as typed: letters, digits, dots, dashes, colons (IPv6), brackets. A database or login name: anything but spaces, slashes and @ (they would break the address).</extracomment>
        <translation>Le serveur {where} est injoignable. Vérifiez le nom d’hôte et le port, que le serveur fonctionne et que cet ordinateur peut l’atteindre (réseau, VPN, pare-feu).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server asks for the password of {user}.</source>
        <translation>Le serveur demande le mot de passe de {user}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server refused the login {user}: the password is wrong (or there is no such login). Type the password again.</source>
        <translation>Le serveur a refusé l’identifiant {user}&#xa0;: le mot de passe est faux (ou cet identifiant n’existe pas). Saisissez à nouveau le mot de passe.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There is no database {database} on the server {where}. Check its name with the Secretariat.</source>
        <translation>Il n’y a pas de base de données {database} sur le serveur {where}. Vérifiez son nom auprès du Secrétariat.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server {where} does not let {user} in from this computer (no such login, or the server&apos;s settings do not allow it from here). Ask the Secretariat.</source>
        <translation>Le serveur {where} n’admet pas {user} depuis cet ordinateur (identifiant inexistant, ou les réglages du serveur ne le permettent pas d’ici). Adressez-vous au Secrétariat.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The login {user} lacks the privileges to use the database {database}. Ask the Secretariat to grant them (assessor server grant).</source>
        <translation>L’identifiant {user} n’a pas les droits nécessaires pour utiliser la base de données {database}. Demandez au Secrétariat de les accorder (assessor server grant).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The database {database} was set up by a newer version of Assessor. Update Assessor to use it; nothing was changed.</source>
        <translation>La base de données {database} a été créée par une version plus récente d’Assessor. Mettez Assessor à jour pour l’utiliser&#xa0;; rien n’a été modifié.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This Assessor was installed without the PostgreSQL driver; install it with pip install &apos;assessor[server]&apos;.</source>
        <translation>Cet Assessor a été installé sans le pilote PostgreSQL&#xa0;; installez-le avec pip install &apos;assessor[server]&apos;.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The server could not be used: {detail}</source>
        <translation>Le serveur n’a pas pu être utilisé&#xa0;: {detail}</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Connect to a server</source>
        <translation>Se connecter à un serveur</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>db.secretariat.example</source>
        <extracomment>The address and password that opened, once connected.</extracomment>
        <translation>db.secretariat.example</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Remember the password in the system keyring</source>
        <translation>Se &amp;souvenir du mot de passe dans le trousseau du système</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Host:</source>
        <translation>&amp;Hôte&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Database:</source>
        <translation>&amp;Base de données&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Login:</source>
        <translation>&amp;Identifiant&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>Mot de &amp;passe&#xa0;:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Why it cannot connect</source>
        <translation>Pourquoi la connexion échoue</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Connect</source>
        <translation>Se &amp;connecter</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Type the server&apos;s host name or address.</source>
        <translation>Saisissez le nom d’hôte ou l’adresse du serveur.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“{host}” is not a host name or address.</source>
        <translation>«&#xa0;{host}&#xa0;» n’est pas un nom d’hôte ni une adresse.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type the name of the database.</source>
        <translation>Saisissez le nom de la base de données.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A database name has no spaces, slashes or @.</source>
        <translation>Un nom de base de données ne contient ni espace, ni barre oblique, ni @.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type your login on the server.</source>
        <translation>Saisissez votre identifiant sur le serveur.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A login has no spaces, slashes or @.</source>
        <translation>Un identifiant ne contient ni espace, ni barre oblique, ni @.</translation>
    </message>
</context>
<context>
    <name>ExcelCounts</name>
    <message numerus="yes">
        <location filename="../../assessor/ui/excel_actions.py" line="+42"/>
        <source>Questionnaire for {party} (%n recommendation(s)) written to {path}</source>
        <translation>
            <numerusform>Questionnaire pour {party} (%n recommandation) écrit dans {path}</numerusform>
            <numerusform>Questionnaire pour {party} (%n recommandations) écrit dans {path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Assessment of {party} (%n recommendation(s)) written to {path}</source>
        <translation>
            <numerusform>Évaluation concernant {party} (%n recommandation) écrite dans {path}</numerusform>
            <numerusform>Évaluation concernant {party} (%n recommandations) écrite dans {path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Overview of {parties} Parties × %n recommendation(s) written to {path}</source>
        <translation>
            <numerusform>Synthèse de {parties} Parties × %n recommandation écrite dans {path}</numerusform>
            <numerusform>Synthèse de {parties} Parties × %n recommandations écrite dans {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExchangeCounts</name>
    <message numerus="yes">
        <location filename="../../assessor/ui/exchange_actions.py" line="+53"/>
        <source>Merged %n change(s) from {source}; Edit → Undo takes the whole merge back.</source>
        <translation>
            <numerusform>%n modification reprise de {source}&#xa0;; Édition → Annuler défait toute la fusion.</numerusform>
            <numerusform>%n modifications reprises de {source}&#xa0;; Édition → Annuler défait toute la fusion.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FactsheetTreeModel</name>
    <message>
        <location filename="../../assessor/ui/tree_model.py" line="+336"/>
        <source>none in scope</source>
        <extracomment>Every row&apos;s flags, made once: the view asks them of every row it lays out or paints.</extracomment>
        <translation>aucune dans le périmètre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{rated} of {total} rated</source>
        <translation>{rated} sur {total} évaluées</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../assessor/ui/filters.py" line="+31"/>
        <source>All verbs</source>
        <extracomment>The domain&apos;s choices (English), marked for the window&apos;s catalogue; shown through tr().</extracomment>
        <translation>Tous les verbes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Require + request (in scope)</source>
        <translation>Exige + demande (dans le périmètre)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Require (R)</source>
        <translation>Exige (R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request (Q)</source>
        <translation>Demande (Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invite (I)</source>
        <translation>Invite (I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Specific and generic</source>
        <translation>Spécifiques et génériques</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Specific</source>
        <translation>Spécifiques</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Generic</source>
        <translation>Génériques</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any follow-up</source>
        <translation>Tout suivi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With a follow-up</source>
        <translation>Avec un suivi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Without a follow-up</source>
        <translation>Sans suivi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>↻ Newer than the rating</source>
        <translation>↻ Plus récent que l’évaluation</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Search texts, follow-ups and comments (Ctrl+F)</source>
        <extracomment>Esc in an empty search box: the keyboard should go back to the tree.</extracomment>
        <translation>Rechercher dans les textes, suivis et commentaires (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Esc clears the search; Esc again goes back to the tree.</source>
        <translation>Échap efface la recherche&#xa0;; Échap encore revient à l’arborescence.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verb filter</source>
        <translation>Filtre par verbe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scope filter</source>
        <translation>Filtre par portée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rating filter</source>
        <translation>Filtre par évaluation</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+57"/>
        <source>Any rating</source>
        <translation>Toute évaluation</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>Follow-up filter</source>
        <translation>Filtre par suivi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shown recommendations</source>
        <translation>Recommandations affichées</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Clear filters</source>
        <translation>Effacer les filtres</translation>
    </message>
</context>
<context>
    <name>FilterCounts</name>
    <message numerus="yes">
        <location line="-49"/>
        <source>All %n recommendation(s)</source>
        <translation>
            <numerusform>%n recommandation au total</numerusform>
            <numerusform>Les %n recommandations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Showing {shown} of %n recommendation(s)</source>
        <translation>
            <numerusform>{shown} sur %n recommandation</numerusform>
            <numerusform>{shown} sur %n recommandations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindingPane</name>
    <message>
        <location filename="../../assessor/ui/finding_pane.py" line="+38"/>
        <source>specific to the Party</source>
        <translation>spécifique à la Partie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>generic (to all Parties)</source>
        <translation>générique (à toutes les Parties)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Chapter {number}. {title}</source>
        <translation>Chapitre {number}. {title}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>in the compliance scope</source>
        <translation>dans le périmètre de conformité</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>outside the compliance scope</source>
        <translation>hors du périmètre de conformité</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Recommendation {codes}</source>
        <translation>Recommandation {codes}</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+19"/>
        <source>Para. {paragraphs}</source>
        <translation>Par. {paragraphs}</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>&lt;p&gt;&lt;i&gt;This recommendation is no longer in the latest factsheet.&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;Cette recommandation ne figure plus dans la dernière fiche.&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;h4&gt;Observations of the Committee&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;Observations du Comité&lt;/h4&gt;</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Last round: {rating} — {comment}</source>
        <extracomment>How much of the last round&apos;s comment the line shows (all of it in the tooltip).</extracomment>
        <translation>Cycle précédent&#xa0;: {rating} — {comment}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Last round: {rating}</source>
        <translation>Cycle précédent&#xa0;: {rating}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(not on this round&apos;s scale: only the comment carries over)</source>
        <translation>(absente de l’échelle de ce cycle&#xa0;: seul le commentaire est repris)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&lt;b&gt;Committee’s finding&lt;/b&gt;</source>
        <extracomment>Carry over the last round&apos;s rating and comment to this recommendation (its id).</extracomment>
        <translation>&lt;b&gt;Constat du Comité&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Committee’s finding</source>
        <translation>Constat du Comité</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Last round&apos;s assessment</source>
        <translation>Évaluation du cycle précédent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carr&amp;y over</source>
        <translation>&amp;Reprendre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carry over the last round</source>
        <translation>Reprendre le cycle précédent</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start this round&apos;s assessment from the last round&apos;s rating and comment, as a draft (recorded in the history; Edit → Undo takes it back)</source>
        <translation>Commencer l’évaluation de ce cycle à partir de l’évaluation et du commentaire du cycle précédent, comme brouillon (consigné dans l’historique&#xa0;; Édition → Annuler le défait)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Choose a recommendation in the tree on the left (arrow keys, or Alt+Down for the next one).</source>
        <extracomment>The previous round&apos;s assessment of a recommendation; set by the workbench.</extracomment>
        <translation>Choisissez une recommandation dans l’arborescence à gauche (touches fléchées, ou Alt+Bas pour la suivante).</translation>
    </message>
</context>
<context>
    <name>FollowUpCorrection</name>
    <message>
        <location filename="../../assessor/ui/follow_up_edit.py" line="+112"/>
        <source>Correct the follow-up of {codes}</source>
        <translation>Corriger le suivi de {codes}</translation>
    </message>
</context>
<context>
    <name>FollowUpCorrectionDialog</name>
    <message>
        <location line="-63"/>
        <source>Correct what the import got wrong: the text, or the State&apos;s own status and references. The current version stays in the history.</source>
        <translation>Corrigez ce que l’import a mal lu&#xa0;: le texte, ou le statut et les références donnés par l’État. La version actuelle reste dans l’historique.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Follow-up text</source>
        <translation>Texte du suivi</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>State&apos;s status</source>
        <translation>Statut selon l’État</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>References</source>
        <translation>Références</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Laws, decrees, documents the State cites</source>
        <translation>Lois, décrets, documents cités par l’État</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State&apos;s &amp;status:</source>
        <translation>&amp;Statut selon l’État&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;References:</source>
        <translation>&amp;Références&#xa0;:</translation>
    </message>
</context>
<context>
    <name>FollowUpPane</name>
    <message>
        <location filename="../../assessor/ui/follow_up_pane.py" line="+202"/>
        <source>&lt;b&gt;State’s follow-up&lt;/b&gt;</source>
        <translation>&lt;b&gt;Suivi de l’État&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+78"/>
        <source>Hi&amp;story</source>
        <translation>&amp;Historique</translation>
    </message>
    <message>
        <location line="-76"/>
        <source>Show the history</source>
        <translation>Afficher l’historique</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Earlier versions of this follow-up, and every recorded change of the rating, comment, status and follow-up: when and by whom</source>
        <translation>Les versions antérieures de ce suivi, et chaque modification consignée de l’évaluation, du commentaire, du statut et du suivi&#xa0;: quand et par qui</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>E&amp;dit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correct the follow-up</source>
        <translation>Corriger le suivi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Correct an import error; the current text is kept in the history</source>
        <translation>Corriger une erreur d’import&#xa0;; le texte actuel est conservé dans l’historique</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>State’s follow-up</source>
        <translation>Suivi de l’État</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Hi&amp;story ({count})</source>
        <extracomment>The earlier versions opened in the timeline (folded otherwise), by follow-up id. Reads a recommendation&apos;s recorded changes; asked only when the history is shown.</extracomment>
        <translation>&amp;Historique ({count})</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;p style=&apos;color:gray&apos;&gt;The State gave no follow-up to this recommendation.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:gray&apos;&gt;L’État n’a donné aucun suivi à cette recommandation.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Current</source>
        <translation>Version actuelle</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Earlier versions (newest first)</source>
        <translation>Versions antérieures (la plus récente d’abord)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Changes (newest first)</source>
        <translation>Modifications (la plus récente d’abord)</translation>
    </message>
</context>
<context>
    <name>ImportCounts</name>
    <message numerus="yes">
        <location filename="../../assessor/ui/import_actions.py" line="+39"/>
        <source>%n themed recommendation(s)</source>
        <translation>
            <numerusform>%n recommandation thématique</numerusform>
            <numerusform>%n recommandations thématiques</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n theme(s)</source>
        <translation>
            <numerusform>%n thème</numerusform>
            <numerusform>%n thèmes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Attach the %n themed recommendation(s) to {party}?</source>
        <translation>
            <numerusform>Rattacher %n recommandation thématique à {party}&#xa0;?</numerusform>
            <numerusform>Rattacher les %n recommandations thématiques à {party}&#xa0;?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n thing(s) to check:</source>
        <translation>
            <numerusform>%n point à vérifier&#xa0;:</numerusform>
            <numerusform>%n points à vérifier&#xa0;:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportReviewDialog</name>
    <message>
        <location filename="../../assessor/ui/import_review_dialog.py" line="+47"/>
        <source>Code(s)</source>
        <translation>Code(s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verb</source>
        <translation>Verbe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scope</source>
        <translation>Portée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>These paragraphs could not be put under a chapter, section or recommendation. They are imported as unplaced text of the chapter where they stood, so nothing is lost, but they answer no recommendation. If one is a follow-up or a recommendation, correct the file (move the box under its recommendation, restore its footnote) and import it again: a re-import keeps ratings and comments.</source>
        <extracomment>The placement line when some text was not placed: the palette&apos;s warning colours. Roughly what fits a 1024×600 screen with its panels: the dialog never opens larger.</extracomment>
        <translation>Ces paragraphes n’ont pu être placés sous un chapitre, une section ou une recommandation. Ils sont importés comme texte non placé du chapitre où ils se trouvaient, si bien que rien n’est perdu, mais ils ne répondent à aucune recommandation. Si l’un d’eux est un suivi ou une recommandation, corrigez le fichier (déplacez l’encadré sous sa recommandation, rétablissez sa note de bas de page) et importez-le à nouveau&#xa0;: un réimport conserve les évaluations et les commentaires.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>This is a re-import of the existing factsheet of {party} ({recommendations}, {rated} rated). Ratings and comments are kept, matched by code; replaced follow-ups are kept in their history. The changes are listed after the import.</source>
        <translation>Il s’agit d’un réimport de la fiche existante concernant {party} ({recommendations}, {rated} évaluées). Les évaluations et les commentaires sont conservés, rapprochés par code&#xa0;; les suivis remplacés sont conservés dans leur historique. Les modifications sont énumérées après l’import.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Import {source}</source>
        <translation>Importer {source}</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Factsheet</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not placed ({count})</source>
        <translation>Non placé ({count})</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Nothing to check.</source>
        <translation>Rien à vérifier.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warnings ({count})</source>
        <translation>Avertissements ({count})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>No follow-up</source>
        <translation>Aucun suivi</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Promising practice</source>
        <translation>Pratique prometteuse</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>All the text was placed.</source>
        <translation>Tout le texte a été placé.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Choose a paragraph to read it whole.</source>
        <translation>Choisissez un paragraphe pour le lire en entier.</translation>
    </message>
</context>
<context>
    <name>Keyring</name>
    <message>
        <location filename="../../assessor/ui/keyring_store.py" line="+37"/>
        <source>Remembering passwords needs the keyring package (pip install &apos;assessor[keyring]&apos;).</source>
        <translation>Retenir les mots de passe nécessite le paquet keyring (pip install &apos;assessor[keyring]&apos;).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No system keyring is available on this computer, so the password is asked each time (it is never written to the settings file).</source>
        <translation>Aucun trousseau système n’est disponible sur cet ordinateur&#xa0;: le mot de passe est donc demandé à chaque fois (il n’est jamais écrit dans le fichier de réglages).</translation>
    </message>
</context>
<context>
    <name>Launcher</name>
    <message>
        <location filename="../../assessor/ui/app.py" line="+102"/>
        <source>The example could not be imported</source>
        <extracomment>The bundled examples ``--with-example`` imports (found by ``resource_path``: frozen too).</extracomment>
        <translation>L’exemple n’a pas pu être importé</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The database was restored</source>
        <translation>La base de données a été restaurée</translation>
    </message>
</context>
<context>
    <name>LiveUpdates</name>
    <message>
        <location filename="../../assessor/ui/live_updates.py" line="+119"/>
        <source>Others&apos; changes cannot be shown now: {why}</source>
        <extracomment>How often the window asks whether others changed the database. Others&apos; changes were shown (the change set): tests wait for it.</extracomment>
        <translation>Les modifications des autres ne peuvent pas être affichées pour l’instant&#xa0;: {why}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../assessor/ui/main_window.py" line="+94"/>
        <source>&amp;Workbench</source>
        <extracomment>Called with a path (and a passphrase) to open another database in place of this one. The window that took this one&apos;s place (File → Open, a conversion), once there is one.</extracomment>
        <translation>&amp;Poste de travail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Themed recommendations</source>
        <translation>Recommandations &amp;thématiques</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>About Assessor</source>
        <translation>À propos d’Assessor</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>No recommendation has the code {code}.</source>
        <translation>Aucune recommandation n’a le code {code}.</translation>
    </message>
</context>
<context>
    <name>MergeCounts</name>
    <message numerus="yes">
        <location filename="../../assessor/ui/merge_summary.py" line="+41"/>
        <source>{party}, {round}: %n recommendation(s) matched</source>
        <translation>
            <numerusform>{party}, {round}&#xa0;: %n recommandation rapprochée</numerusform>
            <numerusform>{party}, {round}&#xa0;: %n recommandations rapprochées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>; %n code(s) of theirs match none of yours</source>
        <translation>
            <numerusform>; %n de leurs codes ne correspond à aucun des vôtres</numerusform>
            <numerusform>; %n de leurs codes ne correspondent à aucun des vôtres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Agreement on the %n rating(s) you both gave: &lt;b&gt;{percent} %&lt;/b&gt; · Cohen&apos;s kappa &lt;b&gt;{kappa}&lt;/b&gt;</source>
        <translation>
            <numerusform>Accord sur %n évaluation que vous avez tous deux donnée&#xa0;: &lt;b&gt;{percent} %&lt;/b&gt; · kappa de Cohen &lt;b&gt;{kappa}&lt;/b&gt;</numerusform>
            <numerusform>Accord sur les %n évaluations que vous avez tous deux données&#xa0;: &lt;b&gt;{percent} %&lt;/b&gt; · kappa de Cohen &lt;b&gt;{kappa}&lt;/b&gt;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../assessor/ui/merge_dialog.py" line="+47"/>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recommendation</source>
        <translation>Recommandation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What</source>
        <translation>Élément</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+136"/>
        <location line="+100"/>
        <source>Mine</source>
        <translation>Ma version</translation>
    </message>
    <message>
        <location line="-235"/>
        <location line="+136"/>
        <location line="+104"/>
        <source>Theirs</source>
        <translation>Leur version</translation>
    </message>
    <message>
        <location line="-239"/>
        <source>Choice</source>
        <translation>Choix</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Merge {source}</source>
        <translation>Fusionner {source}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Summary of the merge</source>
        <translation>Résumé de la fusion</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ratings you both gave (rows: yours, columns: theirs)</source>
        <translation>Évaluations que vous avez tous deux données (lignes&#xa0;: les vôtres, colonnes&#xa0;: les leurs)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Only &amp;conflicts</source>
        <translation>Seulement les &amp;conflits</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Keep mine for &amp;all</source>
        <translation>Garder la mienne pour &amp;tout</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ta&amp;ke theirs for all</source>
        <translation>Prendre la leur pour t&amp;out</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Conflicts left</source>
        <translation>Conflits restants</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Appl&amp;y</source>
        <translation>A&amp;ppliquer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../assessor/ui/merge_agreement.py" line="+26"/>
        <source>Ratings: mine (rows) against theirs (columns)</source>
        <translation>Évaluations&#xa0;: les miennes (lignes) face aux leurs (colonnes)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How many recommendations you rated as the row and they as the column</source>
        <translation>Combien de recommandations vous avez évaluées comme la ligne et eux comme la colonne</translation>
    </message>
    <message>
        <location filename="../../assessor/ui/merge_dialog.py" line="+17"/>
        <source>Differences</source>
        <translation>Différences</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Keep &amp;mine</source>
        <translation>Garder la &amp;mienne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take &amp;theirs</source>
        <translation>Prendre la &amp;leur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep &amp;both</source>
        <translation>Garder les &amp;deux</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Both texts, yours above theirs, each signed with its author and date</source>
        <translation>Les deux textes, le vôtre au-dessus du leur, chacun signé de son auteur et daté</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>State&apos;s status: {status}</source>
        <translation>Statut selon l’État&#xa0;: {status}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Mine — {label}</source>
        <translation>Ma version — {label}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Theirs ({name}) — {label}</source>
        <translation>Leur version ({name}) — {label}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Only theirs changed this: theirs is taken.</source>
        <translation>Seule leur version a changé&#xa0;: elle est reprise.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only you changed this: yours is kept.</source>
        <translation>Vous seul l’avez modifié&#xa0;: votre version est gardée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Both kept: yours above theirs, each signed.</source>
        <translation>Les deux sont gardées&#xa0;: la vôtre au-dessus de la leur, chacune signée.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chosen: {choice}.</source>
        <translation>Choix&#xa0;: {choice}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Both of you changed this: choose which to keep.</source>
        <translation>Vous l’avez modifié tous les deux&#xa0;: choisissez la version à garder.</translation>
    </message>
    <message numerus="yes">
        <location line="+41"/>
        <source>%n conflict(s) still need(s) a choice</source>
        <translation>
            <numerusform>%n conflit attend encore un choix</numerusform>
            <numerusform>%n conflits attendent encore un choix</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose for every conflict first</source>
        <translation>Choisissez d’abord pour chaque conflit</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Apply takes %n change(s)</source>
        <translation>
            <numerusform>Appliquer reprend %n modification</numerusform>
            <numerusform>Appliquer reprend %n modifications</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OpRunner</name>
    <message>
        <location filename="../../assessor/ui/ops.py" line="+136"/>
        <source>Reading the database</source>
        <extracomment>True while background work runs (the window disables editing meanwhile). What a Cancel came to, in words (also shown in the parent window&apos;s status bar).</extracomment>
        <translation>Lecture de la base de données</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>{title}: what was done before Cancel is kept.</source>
        <translation>{title}&#xa0;: ce qui a été fait avant Annuler est conservé.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{title}: cancelled; nothing was written.</source>
        <translation>{title}&#xa0;: annulé&#xa0;; rien n’a été écrit.</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../../assessor/ui/print_preview.py" line="+143"/>
        <source>Print preview</source>
        <extracomment>Points per inch (PDF page sizes are in points). The gap between pages (and around them), in pixels.</extracomment>
        <translation>Aperçu avant impression</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Page {n}</source>
        <extracomment>Pixels per point shown; None follows the width of the window (&quot;Fit width&quot;).</extracomment>
        <translation>Page {n}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Page shown</source>
        <translation>Page affichée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom in</source>
        <translation>Zoom avant</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom out</source>
        <translation>Zoom arrière</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fit width</source>
        <translation>Ajuster à la largeur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>  Page {page} of {count}</source>
        <translation>  Page {page} sur {count}</translation>
    </message>
</context>
<context>
    <name>PreviewCounts</name>
    <message numerus="yes">
        <location filename="../../assessor/ui/questionnaire_dialog.py" line="+87"/>
        <source>Imported %n follow-up(s) from {source} ({party}): {what}.</source>
        <translation>
            <numerusform>%n suivi importé de {source} ({party})&#xa0;: {what}.</numerusform>
            <numerusform>%n suivis importés de {source} ({party})&#xa0;: {what}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>{source} — {party}: %n row(s), {what}. {action}</source>
        <translation>
            <numerusform>{source} — {party}&#xa0;: %n ligne, {what}. {action}</numerusform>
            <numerusform>{source} — {party}&#xa0;: %n lignes, {what}. {action}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuestionnairePreviewDialog</name>
    <message>
        <location line="+154"/>
        <source>Import questionnaire — {source}</source>
        <translation>Importer le questionnaire — {source}</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The chosen row: the State’s answer and what it replaces</source>
        <translation>La ligne choisie&#xa0;: la réponse de l’État et ce qu’elle remplace</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Show unchanged rows</source>
        <translation>Afficher les lignes inchangées</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save report…</source>
        <translation>Enregistrer le rapport…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>{new} new, {changed} changed, {unchanged} unchanged, {rejected} rejected</source>
        <translation>{new} nouveaux, {changed} modifiés, {unchanged} inchangés, {rejected} rejetés</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Apply writes the new and changed follow-ups; replaced ones stay in the history.</source>
        <translation>Appliquer écrit les suivis nouveaux et modifiés&#xa0;; ceux qui sont remplacés restent dans l’historique.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is nothing to apply.</source>
        <translation>Il n’y a rien à appliquer.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Import questionnaire</source>
        <translation>Importer un questionnaire</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+9"/>
        <source>Save import report</source>
        <translation>Enregistrer le rapport d’import</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot save the report: {error}</source>
        <translation>Impossible d’enregistrer le rapport&#xa0;: {error}</translation>
    </message>
</context>
<context>
    <name>RatingButton</name>
    <message>
        <location filename="../../assessor/ui/rating_widget.py" line="+53"/>
        <source>{label} — key {digit}</source>
        <translation>{label} — touche {digit}</translation>
    </message>
</context>
<context>
    <name>RatingWidget</name>
    <message>
        <location line="+58"/>
        <source>Rating</source>
        <extracomment>The colour edge, padding and border of a level&apos;s button, left and right (see level_style), and a pixel or two of the style&apos;s own margin.</extracomment>
        <translation>Évaluation</translation>
    </message>
</context>
<context>
    <name>RestoreBackupDialog</name>
    <message>
        <location filename="../../assessor/ui/backup_dialog.py" line="+34"/>
        <source>Restoring replaces everything in {location} with the chosen backup. What is there now is backed up first, so a restore can itself be undone by restoring that backup.</source>
        <translation>La restauration remplace tout le contenu de {location} par la sauvegarde choisie. Ce qui s’y trouve maintenant est d’abord sauvegardé, si bien qu’une restauration peut elle-même être défaite en restaurant cette sauvegarde.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Restore from backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>There are no backups of {location} yet.</source>
        <translation>Il n’y a encore aucune sauvegarde de {location}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
</context>
<context>
    <name>ReviewCounts</name>
    <message numerus="yes">
        <location filename="../../assessor/ui/import_review_dialog.py" line="-183"/>
        <source>%n recommendation(s)</source>
        <translation>
            <numerusform>%n recommandation</numerusform>
            <numerusform>%n recommandations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ThemeEditor</name>
    <message>
        <location filename="../../assessor/ui/theme_editor.py" line="+36"/>
        <source>Theme title</source>
        <translation>Titre du thème</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recommendation text</source>
        <translation>Texte de la recommandation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Linked recommendation codes</source>
        <translation>Codes des recommandations liées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Codes of the Committee, e.g. II-6, III-3</source>
        <translation>Codes du Comité, p. ex. II-6, III-3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Codes not found</source>
        <translation>Codes introuvables</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Theme t&amp;itle</source>
        <translation>T&amp;itre du thème</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Recommendation te&amp;xt (saved as you type)</source>
        <translation>Te&amp;xte de la recommandation (enregistré au fil de la frappe)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Linked to the Committee’s recommendations</source>
        <translation>Liée aux recommandations du &amp;Comité</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose a theme or a recommendation on the left, or add one.</source>
        <translation>Choisissez un thème ou une recommandation à gauche, ou ajoutez-en un.</translation>
    </message>
</context>
<context>
    <name>ThemeHistoryWords</name>
    <message numerus="yes">
        <location filename="../../assessor/ui/theme_history.py" line="+20"/>
        <source>%n recorded change(s) of this theme and its recommendations, newest first.</source>
        <translation>
            <numerusform>%n modification consignée de ce thème et de ses recommandations, la plus récente d’abord.</numerusform>
            <numerusform>%n modifications consignées de ce thème et de ses recommandations, la plus récente d’abord.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ThemesView</name>
    <message>
        <location line="+22"/>
        <source>{when} · {by} · {field}: {old} → {new}</source>
        <translation>{when} · {by} · {field}&#xa0;: {old} → {new}</translation>
    </message>
    <message>
        <location filename="../../assessor/ui/themes_view.py" line="+50"/>
        <source>Themes and their recommendations</source>
        <extracomment>How long typing in an item&apos;s text or links pauses before it is checked and saved. The codes of the factsheet&apos;s recommendations: links to anything else are refused.</extracomment>
        <translation>Les thèmes et leurs recommandations</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add the&amp;me</source>
        <translation>A&amp;jouter un thème</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add recommendation</source>
        <translation>Ajouter une &amp;recommandation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move &amp;up</source>
        <translation>&amp;Monter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>M&amp;ove down</source>
        <translation>Desce&amp;ndre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hi&amp;story…</source>
        <translation>&amp;Historique…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every recorded change of the chosen theme: when, by whom</source>
        <translation>Chaque modification consignée du thème choisi&#xa0;: quand, par qui</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>&lt;b&gt;Themed recommendations&lt;/b&gt; — your own recommendations to {party}, grouped by theme and linked to the Committee’s codes.</source>
        <translation>&lt;b&gt;Recommandations thématiques&lt;/b&gt; — vos propres recommandations à {party}, regroupées par thème et liées aux codes du Comité.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;Themed recommendations&lt;/b&gt; — import a factsheet first.</source>
        <translation>&lt;b&gt;Recommandations thématiques&lt;/b&gt; — importez d’abord une fiche.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>  (empty)</source>
        <translation>  (vide)</translation>
    </message>
    <message>
        <location filename="../../assessor/ui/theme_history.py" line="-11"/>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Links</source>
        <translation>Liens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moved to theme</source>
        <translation>Déplacée vers le thème</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>History of “{title}”</source>
        <translation>Historique de «&#xa0;{title}&#xa0;»</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No change of this theme is recorded yet.</source>
        <translation>Aucune modification de ce thème n’est encore consignée.</translation>
    </message>
    <message>
        <location filename="../../assessor/ui/themes_view.py" line="+115"/>
        <source>⚠ {problem} — not saved.</source>
        <translation>⚠ {problem} — non enregistré.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;i&gt;Not linked yet.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Pas encore liée.&lt;/i&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Go to: {links}</source>
        <translation>Aller à&#xa0;: {links}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>New theme</source>
        <translation>Nouveau thème</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>New recommendation</source>
        <translation>Nouvelle recommandation</translation>
    </message>
</context>
<context>
    <name>UserGuide</name>
    <message>
        <location filename="../../assessor/ui/help.py" line="+104"/>
        <source>Assessor user guide</source>
        <translation>Guide de l’utilisateur d’Assessor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User guide</source>
        <translation>Guide de l’utilisateur</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;p&gt;The user guide is not part of this installation. It is the file &lt;code&gt;docs/user-guide.md&lt;/code&gt; of Assessor&apos;s source.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Le guide de l’utilisateur ne fait pas partie de cette installation. C’est le fichier &lt;code&gt;docs/user-guide.fr.md&lt;/code&gt; des sources d’Assessor.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Workbench</name>
    <message>
        <location filename="../../assessor/ui/workbench.py" line="+32"/>
        <source>Select a recommendation to rate it</source>
        <extracomment>Why the rating keys and buttons do nothing while the tree&apos;s cursor is not on a recommendation.</extracomment>
        <translation>Sélectionnez une recommandation pour l’évaluer</translation>
    </message>
    <message>
        <location filename="../../assessor/ui/filter_expansion.py" line="+61"/>
        <source>No recommendation shown matches the search and filters. Change them, or clear them (Esc in the search box, Ctrl+Shift+L for every filter), to see it again.</source>
        <translation>Aucune recommandation affichée ne correspond à la recherche et aux filtres. Modifiez-les ou effacez-les (Échap dans la zone de recherche, Ctrl+Maj+L pour tous les filtres) pour la revoir.</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>The recommendation you were reading is not among the matches. Choose a recommendation in the tree; clearing the filters (Ctrl+Shift+L) shows it again.</source>
        <extracomment>At most this many factsheets are opened for their matches (beyond those open already). At most this many factsheets not read in yet are read to look for matches.</extracomment>
        <translation>La recommandation que vous lisiez ne fait pas partie des résultats. Choisissez une recommandation dans l’arborescence&#xa0;; effacer les filtres (Ctrl+Maj+L) la fait réapparaître.</translation>
    </message>
    <message>
        <location filename="../../assessor/ui/workbench.py" line="+233"/>
        <source>This is the last recommendation shown.</source>
        <extracomment>The shown recommendation changed (its detail, or None). Something worth a word in the status bar. The tree&apos;s cursor moved or a branch folded: whether rating may act changed, perhaps. (recommendation, factsheet) the filters hide: shown again once a filter lets it through. What was expanded when the search or a filter began: restored when they are cleared.</extracomment>
        <translation>C’est la dernière recommandation affichée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is the first one.</source>
        <translation>C’est la première.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Every recommendation in scope shown here is rated.</source>
        <translation>Chaque recommandation du périmètre affichée ici est évaluée.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>“{typed}” is not a code such as IV-5.</source>
        <translation>«&#xa0;{typed}&#xa0;» n’est pas un code comme IV-5.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No recommendation has the code {code}.</source>
        <translation>Aucune recommandation n’a le code {code}.</translation>
    </message>
</context>
<context>
    <name>about</name>
    <message>
        <location filename="../../assessor/ui/help.py" line="+20"/>
        <source>&lt;p&gt;Assessing how States follow up the Lanzarote Committee&apos;s recommendations: factsheets, ratings, questionnaires, summaries. Everything stays on this computer.&lt;/p&gt;&lt;p&gt;Database: &lt;code&gt;{database}&lt;/code&gt;&lt;/p&gt;&lt;p&gt;&lt;small&gt;Python {python}, Qt for Python {qt}, {platform}. PDF fonts: DejaVu (free licence, bundled).&lt;/small&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;Évaluer la manière dont les États donnent suite aux recommandations du Comité de Lanzarote&#xa0;: fiches, évaluations, questionnaires, résumés. Tout reste sur cet ordinateur.&lt;/p&gt;&lt;p&gt;Base de données&#xa0;: &lt;code&gt;{database}&lt;/code&gt;&lt;/p&gt;&lt;p&gt;&lt;small&gt;Python {python}, Qt for Python {qt}, {platform}. Polices du PDF&#xa0;: DejaVu (licence libre, fournies).&lt;/small&gt;&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>backup_dialog</name>
    <message>
        <location filename="../../assessor/ui/backup_dialog.py" line="+35"/>
        <location line="+6"/>
        <source>The database is damaged</source>
        <translation>La base de données est endommagée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{error}

Restore the newest backup now?</source>
        <translation>{error}

Restaurer maintenant la sauvegarde la plus récente&#xa0;?</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The database is in use</source>
        <translation>La base de données est utilisée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{error}

Open it read-only? You will see it but cannot change anything.</source>
        <translation>{error}

L’ouvrir en lecture seule&#xa0;? Vous la verrez mais ne pourrez rien modifier.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>That passphrase is wrong. Passphrase of {location}:</source>
        <translation>Cette phrase secrète est fausse. Phrase secrète de {location}&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Passphrase of {location}:</source>
        <translation>Phrase secrète de {location}&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Encrypted database</source>
        <translation>Base de données chiffrée</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <location filename="../../assessor/ui/dialogs.py" line="+142"/>
        <source>Go to code</source>
        <translation>Aller au code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code of the recommendation (for example IV-5 or iv 5):</source>
        <translation>Code de la recommandation (par exemple IV-5 ou iv 5)&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../assessor/ui/export_dialogs.py" line="+46"/>
        <source>Compliance scope (require and request)</source>
        <extracomment>The language it is printed in (&quot;&quot;: the Party&apos;s, else the user&apos;s); --lang.</extracomment>
        <translation>Périmètre de conformité (exige et demande)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All recommendations (invites too)</source>
        <translation>Toutes les recommandations (invite aussi)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Export questionnaire — {party}</source>
        <translation>Exporter le questionnaire — {party}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An Excel workbook for {party} to fill in: one row per recommendation, with the current follow-up. The deadline and contact are shown on its Instructions sheet.</source>
        <translation>Un classeur Excel à remplir par {party}&#xa0;: une ligne par recommandation, avec le suivi actuel. L’échéance et le contact figurent sur sa feuille Instructions.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>e.g. 30 June 2026 (optional)</source>
        <translation>p. ex. 30 juin 2026 (facultatif)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. lanzarote.committee@coe.int (optional)</source>
        <translation>p. ex. lanzarote.committee@coe.int (facultatif)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+37"/>
        <source>&amp;Recommendations:</source>
        <translation>&amp;Recommandations&#xa0;:</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>&amp;Deadline:</source>
        <translation>É&amp;chéance&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Contact:</source>
        <translation>C&amp;ontact&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Language of the questionnaire:</source>
        <translation>&amp;Langue du questionnaire&#xa0;:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The summary of {party} for a Committee meeting: each recommendation with the State&apos;s follow-up and your rating and comment, then your themed recommendations.</source>
        <translation>Le résumé concernant {party} pour une réunion du Comité&#xa0;: chaque recommandation avec le suivi de l’État, votre évaluation et votre commentaire, puis vos recommandations thématiques.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Only rated recommendations</source>
        <translation>&amp;Seulement les recommandations évaluées</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print &amp;follow-ups in full (long ones are otherwise trimmed)</source>
        <translation>Imprimer les suivis en &amp;entier (sinon les longs sont abrégés)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Language of the summary:</source>
        <translation>&amp;Langue du résumé&#xa0;:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The workbook is written in the language you choose: its headings, verbs, statuses and rating levels.</source>
        <translation>Le classeur est rédigé dans la langue choisie&#xa0;: ses intitulés, verbes, statuts et niveaux d’évaluation.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Language of the workbook:</source>
        <translation>&amp;Langue du classeur&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../assessor/ui/dialogs.py" line="+34"/>
        <source>Choose the passphrase that will encrypt {location}. It is never stored: without it nobody, you included, can open the database or its backups.</source>
        <translation>Choisissez la phrase secrète qui chiffrera {location}. Elle n’est jamais enregistrée&#xa0;: sans elle, personne, vous compris, ne peut ouvrir la base de données ni ses sauvegardes.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New encrypted database</source>
        <translation>Nouvelle base de données chiffrée</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Phrase secrète&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The &amp;same again:</source>
        <translation>La &amp;même à nouveau&#xa0;:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The two passphrases were empty or differ; type them again.</source>
        <translation>Les deux phrases secrètes étaient vides ou différentes&#xa0;; saisissez-les à nouveau.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Your name is recorded with every change you make (the history) and printed on the cover of the PDF summary. Left empty, your login name is used.</source>
        <translation>Votre nom est consigné avec chaque modification que vous faites (l’historique) et imprimé sur la couverture du résumé PDF. Laissé vide, votre nom de connexion est utilisé.</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+25"/>
        <source>Preferences</source>
        <extracomment>&quot;en&quot;, &quot;fr&quot;, or &quot;&quot; to follow the system&apos;s language.</extracomment>
        <translation>Préférences</translation>
    </message>
    <message>
        <location line="-23"/>
        <location line="+27"/>
        <source>Assessor&apos;s name</source>
        <translation>Nom de l’évaluateur</translation>
    </message>
    <message>
        <location line="-26"/>
        <location line="+27"/>
        <source>Your &amp;name:</source>
        <translation>Votre &amp;nom&#xa0;:</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Language of the window</source>
        <translation>Langue de la fenêtre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The system&apos;s language</source>
        <translation>La langue du système</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new language is used from the next start.</source>
        <translation>Une nouvelle langue s’applique au prochain démarrage.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Send assessment</source>
        <translation>Envoyer l’évaluation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One file holding your ratings, comments, follow-ups and themed recommendations, for a colleague to merge into their own database (File → Merge a colleague&apos;s assessment…).</source>
        <translation>Un fichier contenant vos évaluations, commentaires, suivis et recommandations thématiques, qu’un collègue fusionnera dans sa propre base de données (Fichier → Fusionner l’évaluation d’un collègue…).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>All Parties</source>
        <translation>Toutes les Parties</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Protect with a passphrase</source>
        <translation>&amp;Protéger par une phrase secrète</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Always: this database is encrypted, so what leaves it is too.</source>
        <translation>Toujours&#xa0;: cette base de données est chiffrée, donc ce qui en sort l’est aussi.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Assessment of:</source>
        <translation>&amp;Évaluation de&#xa0;:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>That passphrase does not open it. Passphrase of {name}:</source>
        <translation>Cette phrase secrète ne l’ouvre pas. Phrase secrète de {name}&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Passphrase of {name}:</source>
        <translation>Phrase secrète de {name}&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Protected assessment</source>
        <translation>Évaluation protégée</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose the passphrase that protects {name}. It is never stored: tell it to your colleague another way than the file (by telephone, say).</source>
        <translation>Choisissez la phrase secrète qui protège {name}. Elle n’est jamais enregistrée&#xa0;: communiquez-la à votre collègue autrement que par le fichier (par téléphone, par exemple).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Protect with a passphrase</source>
        <translation>Protéger par une phrase secrète</translation>
    </message>
</context>
<context>
    <name>excel_actions</name>
    <message>
        <location filename="../../assessor/ui/excel_actions.py" line="+11"/>
        <source>There is no factsheet yet: import one first.</source>
        <translation>Il n’y a pas encore de fiche&#xa0;: importez-en d’abord une.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>this Party</source>
        <translation>cette Partie</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+23"/>
        <source>Export questionnaire</source>
        <translation>Exporter le questionnaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writing the questionnaire for {party}…</source>
        <translation>Écriture du questionnaire pour {party}…</translation>
    </message>
    <message>
        <location line="+31"/>
        <location line="+12"/>
        <source>Import questionnaire</source>
        <translation>Importer un questionnaire</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Reading {name}…</source>
        <translation>Lecture de {name}…</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+8"/>
        <location line="+16"/>
        <source>Export assessment workbook</source>
        <translation>Exporter le classeur d’évaluation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writing the assessment of {party}…</source>
        <translation>Écriture de l’évaluation concernant {party}…</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+8"/>
        <location line="+20"/>
        <source>Export overview workbook</source>
        <translation>Exporter le classeur de synthèse</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>all Parties</source>
        <translation>toutes les Parties</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Writing the overview…</source>
        <translation>Écriture de la synthèse…</translation>
    </message>
</context>
<context>
    <name>exchange_actions</name>
    <message>
        <location filename="../../assessor/ui/exchange_actions.py" line="-12"/>
        <source>Send assessment</source>
        <translation>Envoyer l’évaluation</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Merge a colleague&apos;s assessment</source>
        <translation>Fusionner l’évaluation d’un collègue</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Sen&amp;d assessment…</source>
        <extracomment>How often a wrong passphrase of a colleague&apos;s database may be typed before giving up.</extracomment>
        <translation>&amp;Envoyer l’évaluation…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One file of your assessment for a co-rapporteur or the Secretariat</source>
        <translation>Un fichier de votre évaluation pour un co-rapporteur ou le Secrétariat</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Mer&amp;ge a colleague&apos;s assessment…</source>
        <translation>&amp;Fusionner l’évaluation d’un collègue…</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+178"/>
        <source>The database is open read-only.</source>
        <translation>La base de données est ouverte en lecture seule.</translation>
    </message>
    <message>
        <location line="-151"/>
        <source>Merge {source}</source>
        <translation>Fusionner {source}</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>There is no assessment yet: import a factsheet first.</source>
        <translation>Il n’y a pas encore d’évaluation&#xa0;: importez d’abord une fiche.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The assessment of {party} was written, protected by the passphrase, to {path}.</source>
        <translation>L’évaluation concernant {party} a été écrite, protégée par la phrase secrète, dans {path}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The assessment of {party} was written to {path}.</source>
        <translation>L’évaluation concernant {party} a été écrite dans {path}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The assessment was written, protected by the passphrase, to {path}.</source>
        <translation>L’évaluation a été écrite, protégée par la phrase secrète, dans {path}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The assessment was written to {path}.</source>
        <translation>L’évaluation a été écrite dans {path}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Your colleague merges it with File → Merge a colleague&apos;s assessment… and needs the passphrase: tell it another way than the file.</source>
        <translation>Votre collègue la fusionne avec Fichier → Fusionner l’évaluation d’un collègue… et a besoin de la phrase secrète&#xa0;: communiquez-la autrement que par le fichier.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your colleague merges it with File → Merge a colleague&apos;s assessment….</source>
        <translation>Votre collègue la fusionne avec Fichier → Fusionner l’évaluation d’un collègue….</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Writing {name}…</source>
        <translation>Écriture de {name}…</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>Comparing {name} with your assessment…</source>
        <translation>Comparaison de {name} avec votre évaluation…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Nothing to merge: {source} holds the same assessment as yours.</source>
        <translation>Rien à fusionner&#xa0;: {source} contient la même évaluation que la vôtre.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nothing was merged.</source>
        <translation>Rien n’a été fusionné.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Nothing to take from {source}: every value of yours was kept.</source>
        <translation>Rien à reprendre de {source}&#xa0;: chacune de vos valeurs a été gardée.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Merging {source}…</source>
        <translation>Fusion de {source}…</translation>
    </message>
</context>
<context>
    <name>file_dialogs</name>
    <message>
        <location filename="../../assessor/ui/file_dialogs.py" line="+19"/>
        <source>Assessor databases (*.sqlite *.db);;All files (*)</source>
        <translation>Bases de données Assessor (*.sqlite *.db);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Factsheets (*.pdf *.docx *.md *.txt);;Excel questionnaires (*.xlsx *.xlsm);;All files (*)</source>
        <translation>Fiches (*.pdf *.docx *.md *.txt);;Questionnaires Excel (*.xlsx *.xlsm);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Excel questionnaires (*.xlsx);;All files (*)</source>
        <translation>Questionnaires Excel (*.xlsx);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Classeurs Excel (*.xlsx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assessment packages (*.assessor)</source>
        <translation>Paquets d’évaluation (*.assessor)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assessments (*.assessor *.sqlite *.db);;Assessment packages (*.assessor);;Assessor databases (*.sqlite *.db);;All files (*)</source>
        <translation>Évaluations (*.assessor *.sqlite *.db);;Paquets d’évaluation (*.assessor);;Bases de données Assessor (*.sqlite *.db);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Open database</source>
        <translation>Ouvrir une base de données</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>New database</source>
        <translation>Nouvelle base de données</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Import questionnaire</source>
        <translation>Importer un questionnaire</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Merge a colleague&apos;s assessment</source>
        <translation>Fusionner l’évaluation d’un collègue</translation>
    </message>
    <message>
        <location filename="../../assessor/ui/questionnaire_dialog.py" line="-292"/>
        <source>Text files (*.txt);;All files (*)</source>
        <extracomment>Background of a row by status: what will be written stands out, rejected rows most.</extracomment>
        <translation>Fichiers texte (*.txt);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>follow_up_pane</name>
    <message>
        <location filename="../../assessor/ui/follow_up_pane.py" line="-244"/>
        <source>Rating</source>
        <extracomment>How the history names the recorded fields of a recommendation.</extracomment>
        <translation>Évaluation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rating kept after a newer follow-up</source>
        <translation>Évaluation maintenue après un suivi plus récent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State&apos;s status</source>
        <translation>Statut selon l’État</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>References</source>
        <translation>Références</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recommendation text (re-import)</source>
        <translation>Texte de la recommandation (réimport)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&lt;i&gt;none&lt;/i&gt;</source>
        <extracomment>Fields whose values are choices, shown without quotes. How much of an old or new text a history line shows.</extracomment>
        <translation>&lt;i&gt;aucun&lt;/i&gt;</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&lt;p style=&apos;color:gray&apos;&gt;No change recorded yet.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:gray&apos;&gt;Aucune modification consignée pour l’instant.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;i&gt;unknown&lt;/i&gt;</source>
        <translation>&lt;i&gt;inconnu&lt;/i&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;i&gt;undone&lt;/i&gt;</source>
        <translation>&lt;i&gt;annulée&lt;/i&gt;</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>unknown source</source>
        <translation>source inconnue</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{source}, received {received}, replaced {replaced}</source>
        <translation>{source}, reçu le {received}, remplacé le {replaced}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{source}, received {received}</source>
        <translation>{source}, reçu le {received}</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>{source}, received {month}, replaced {replaced}</source>
        <translation>{source}, reçu en {month}, remplacé le {replaced}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{source}, received {month}</source>
        <translation>{source}, reçu en {month}</translation>
    </message>
    <message>
        <location line="-114"/>
        <source>an unknown date</source>
        <translation>une date inconnue</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>factsheet {file}</source>
        <extracomment>Where a follow-up came from, as stored (a prefix and a file&apos;s name, or the assessor&apos;s words).</extracomment>
        <translation>fiche {file}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>questionnaire {file}</source>
        <translation>questionnaire {file}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>edited by hand</source>
        <translation>modifié à la main</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>corrected by hand</source>
        <translation>corrigé à la main</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>correction undone</source>
        <translation>correction annulée</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>&lt;b&gt;{field}&lt;/b&gt;: {change}</source>
        <translation>&lt;b&gt;{field}&lt;/b&gt;&#xa0;: {change}</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Version {number}</source>
        <extracomment>How much of a folded earlier version the timeline shows.</extracomment>
        <translation>Version {number}</translation>
    </message>
</context>
<context>
    <name>import_actions</name>
    <message>
        <location filename="../../assessor/ui/import_actions.py" line="+50"/>
        <location line="+38"/>
        <location line="+31"/>
        <location line="+6"/>
        <location line="+66"/>
        <location line="+21"/>
        <source>Import</source>
        <extracomment>What a drop is accepted for; what a file is, is then told by its content, not its name.</extracomment>
        <translation>Importer</translation>
    </message>
    <message>
        <location line="-161"/>
        <source>Reading {names}…</source>
        <translation>Lecture de {names}…</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+108"/>
        <source>Import themed recommendations</source>
        <translation>Importer des recommandations thématiques</translation>
    </message>
    <message>
        <location line="-107"/>
        <source>The database holds several Parties. Which Party are these themed recommendations for?</source>
        <translation>La base de données contient plusieurs Parties. À quelle Partie ces recommandations thématiques s’adressent-elles&#xa0;?</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Import factsheet</source>
        <translation>Importer une fiche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{mismatch}.

Import it as {party}’s factsheet? (If it is {other}’s, answer No and correct its title.)</source>
        <translation>{mismatch}.

L’importer comme fiche concernant {party}&#xa0;? (Si c’est celle de {other}, répondez Non et corrigez son titre.)</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>{source} names {names}, never {party}.</source>
        <translation>{source} nomme {names}, jamais {party}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Replace {party}’s {items} ({themes}) with the {new} of {source}? The current ones are kept in the history, but an import cannot be undone.</source>
        <translation>Remplacer les {items} ({themes}) concernant {party} par les {new} de {source}&#xa0;? Les actuelles sont conservées dans l’historique, mais un import ne peut pas être annulé.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Importing {names}…</source>
        <translation>Import de {names}…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Changes:</source>
        <translation>Modifications&#xa0;:</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+15"/>
        <source>Export JSON</source>
        <translation>Exporter en JSON</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Exporting…</source>
        <translation>Export en cours…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exported to {path}</source>
        <translation>Exporté dans {path}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{name}: the database holds several Parties. Show a recommendation of the Party these themed recommendations are for, then import the file again.</source>
        <translation>{name}&#xa0;: la base de données contient plusieurs Parties. Affichez une recommandation de la Partie à laquelle ces recommandations thématiques s’adressent, puis importez à nouveau le fichier.</translation>
    </message>
</context>
<context>
    <name>menus</name>
    <message>
        <location filename="../../assessor/ui/menus.py" line="+59"/>
        <source>&amp;File</source>
        <extracomment>A menu action&apos;s keys: one sequence, or several (the first is shown in the menu).</extracomment>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;New database…</source>
        <translation>&amp;Nouvelle base de données…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>New en&amp;crypted database…</source>
        <translation>Nouvelle base &amp;chiffrée…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Remove encr&amp;yption…</source>
        <translation>Retirer le c&amp;hiffrement…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Encr&amp;ypt this database…</source>
        <translation>C&amp;hiffrer cette base de données…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A database only its passphrase opens (the passphrase is never stored)</source>
        <translation>Une base de données que seule sa phrase secrète ouvre (la phrase secrète n’est jamais enregistrée)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Open database…</source>
        <translation>&amp;Ouvrir une base de données…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Connect to a server (s&amp;hared database)…</source>
        <translation>Se connecter à un &amp;serveur (base partagée)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open &amp;recent</source>
        <translation>Ouvrir un fichier &amp;récent</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Import factsheet or recommendations…</source>
        <translation>&amp;Importer une fiche ou des recommandations…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>I&amp;mport questionnaire…</source>
        <translation>Importer un q&amp;uestionnaire…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export q&amp;uestionnaire…</source>
        <translation>E&amp;xporter le questionnaire…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export &amp;assessment workbook…</source>
        <translation>Exporter le classeur d’év&amp;aluation…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export o&amp;verview workbook (all Parties)…</source>
        <translation>Exporter le classeur de s&amp;ynthèse (toutes les Parties)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Export JSON…</source>
        <translation>Exporter en &amp;JSON…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Print summary (PDF)…</source>
        <translation>Im&amp;primer le résumé (PDF)…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export PDF &amp;summary…</source>
        <translation>Exporter le résumé P&amp;DF…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Back up now</source>
        <translation>Sauve&amp;garder maintenant</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Res&amp;tore from backup…</source>
        <translation>Res&amp;taurer une sauvegarde…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Undo {step}</source>
        <translation>&amp;Annuler&#xa0;: {step}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Redo {step}</source>
        <translation>&amp;Rétablir&#xa0;: {step}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Find…</source>
        <translation>Rec&amp;hercher…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Correct follow-up…</source>
        <translation>&amp;Corriger le suivi…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Workbench</source>
        <translation>&amp;Poste de travail</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Themed recommendations</source>
        <translation>Recommandations &amp;thématiques</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Clear filters</source>
        <translation>&amp;Effacer les filtres</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Go to the tree</source>
        <translation>Aller à l’a&amp;rborescence</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Go</source>
        <translation>A&amp;ller</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Next recommendation</source>
        <translation>Recommandation &amp;suivante</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Previous recommendation</source>
        <translation>Recommandation &amp;précédente</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Next &amp;unrated in scope</source>
        <translation>Prochaine &amp;non évaluée du périmètre</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Go to code…</source>
        <translation>Aller au &amp;code…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Rate</source>
        <translation>É&amp;valuer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;User guide</source>
        <translation>&amp;Guide de l’utilisateur</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;About Assessor</source>
        <translation>À &amp;propos d’Assessor</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The database holds only one Party.</source>
        <translation>La base de données ne contient qu’une Partie.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The database is open read-only.</source>
        <translation>La base de données est ouverte en lecture seule.</translation>
    </message>
</context>
<context>
    <name>merge_summary</name>
    <message>
        <location filename="../../assessor/ui/merge_summary.py" line="-28"/>
        <source>Rating</source>
        <translation>Évaluation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Themed recommendation</source>
        <translation>Recommandation thématique</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep mine</source>
        <translation>Garder la mienne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take theirs</source>
        <translation>Prendre la leur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep both</source>
        <translation>Garder les deux</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Taken (only theirs changed)</source>
        <translation>Reprise (seule la leur a changé)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kept (only mine)</source>
        <translation>Gardée (seulement la mienne)</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>{by}, {when}</source>
        <translation>{by}, {when}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>someone</source>
        <translation>quelqu’un</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a colleague</source>
        <translation>un collègue</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;{source}&lt;/b&gt; — written by {who} on {when}</source>
        <translation>&lt;b&gt;{source}&lt;/b&gt; — écrit par {who} le {when}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Only theirs (taken): {n}</source>
        <translation>Seulement chez eux (repris)&#xa0;: {n}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>only mine (kept): {n}</source>
        <translation>seulement chez moi (gardé)&#xa0;: {n}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the same: {n}</source>
        <translation>identiques&#xa0;: {n}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;conflicts: {n}&lt;/b&gt;</source>
        <translation>&lt;b&gt;conflits&#xa0;: {n}&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>undefined (one level only)</source>
        <translation>non défini (un seul niveau)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No recommendation was rated by both of you: no agreement to measure.</source>
        <translation>Aucune recommandation n’a été évaluée par vous deux&#xa0;: pas d’accord à mesurer.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;i&gt;Offered as a re-import:&lt;/i&gt; their factsheet of {party} is a newer version than yours (imported later, from a different text). The merge keeps your text; to take theirs, import the newer factsheet (File → Import), then merge again.</source>
        <translation>&lt;i&gt;Proposée comme réimport&#xa0;:&lt;/i&gt; leur fiche concernant {party} est une version plus récente que la vôtre (importée plus tard, d’un autre texte). La fusion garde votre texte&#xa0;; pour prendre le leur, importez la fiche plus récente (Fichier → Importer), puis fusionnez à nouveau.</translation>
    </message>
</context>
<context>
    <name>opening</name>
    <message>
        <location filename="../../assessor/ui/opening.py" line="+47"/>
        <source>Cannot open the database</source>
        <extracomment>How often a wrong passphrase may be typed before giving up (the dialog says why each time). Who holds the database, when it was opened read-only because another Assessor has it. What recovering a damaged file did, in plain words (&quot;&quot; when nothing was recovered).</extracomment>
        <translation>Impossible d’ouvrir la base de données</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>the database</source>
        <translation>la base de données</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The backup could not be restored</source>
        <translation>La sauvegarde n’a pas pu être restaurée</translation>
    </message>
</context>
<context>
    <name>ops</name>
    <message>
        <location filename="../../assessor/ui/ops.py" line="-157"/>
        <source>The database could not be written or read ({kind}). Nothing was changed. Details: {details}</source>
        <extracomment>Errors whose message is written for the user and shown as is.</extracomment>
        <translation>La base de données n’a pas pu être écrite ou lue ({kind}). Rien n’a été modifié. Détails&#xa0;: {details}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unexpected error ({kind}: {details}). Nothing was changed.</source>
        <translation>Erreur inattendue ({kind}&#xa0;: {details}). Rien n’a été modifié.</translation>
    </message>
</context>
<context>
    <name>pdf_actions</name>
    <message>
        <location filename="../../assessor/ui/pdf_actions.py" line="+28"/>
        <source>Print summary</source>
        <translation>Imprimer le résumé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export PDF summary</source>
        <translation>Exporter le résumé PDF</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>There is no factsheet yet: import one first.</source>
        <translation>Il n’y a pas encore de fiche&#xa0;: importez-en d’abord une.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>this Party</source>
        <translation>cette Partie</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Summary for the Committee — {party}</source>
        <translation>Résumé pour le Comité — {party}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Preparing the summary of {party}…</source>
        <translation>Préparation du résumé concernant {party}…</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Writing the summary of {party}…</source>
        <translation>Écriture du résumé concernant {party}…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Summary of {party} written to {path}</source>
        <translation>Résumé concernant {party} écrit dans {path}</translation>
    </message>
</context>
<context>
    <name>questionnaire_dialog</name>
    <message>
        <location filename="../../assessor/ui/questionnaire_dialog.py" line="-22"/>
        <source>Row</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State&apos;s status</source>
        <translation>Statut selon l’État</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>References</source>
        <translation>Références</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replaces</source>
        <translation>Remplace</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>new</source>
        <extracomment>A row&apos;s status as the preview names it.</extracomment>
        <translation>nouveau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>changed</source>
        <translation>modifié</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unchanged</source>
        <translation>inchangé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rejected</source>
        <translation>rejeté</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>&lt;p style=&apos;color:gray&apos;&gt;Choose a row to read the State’s whole answer here.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:gray&apos;&gt;Choisissez une ligne pour lire ici toute la réponse de l’État.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(no code)</source>
        <translation>(sans code)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Row {row} · {code} · {status}</source>
        <translation>Ligne {row} · {code} · {status}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The State’s answer</source>
        <translation>La réponse de l’État</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;p style=&apos;color:gray&apos;&gt;No answer.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:gray&apos;&gt;Aucune réponse.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The follow-up it replaces (kept in the history)</source>
        <translation>Le suivi qu’elle remplace (conservé dans l’historique)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The follow-up it replaces</source>
        <translation>Le suivi qu’elle remplace</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&lt;p style=&apos;color:gray&apos;&gt;None: this is the first follow-up.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:gray&apos;&gt;Aucun&#xa0;: c’est le premier suivi.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The current follow-up (kept)</source>
        <translation>Le suivi actuel (conservé)</translation>
    </message>
</context>
<context>
    <name>storage_actions</name>
    <message>
        <location filename="../../assessor/ui/storage_actions.py" line="+47"/>
        <source>Backed up ({backup}).</source>
        <translation>Sauvegardé ({backup}).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The automatic backup failed: {error}</source>
        <translation>La sauvegarde automatique a échoué&#xa0;: {error}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>This database is on a server: backing it up is the server&apos;s job, with pg_dump every night and before each upgrade (docs/server.md, “Backups”). Assessor backs up database files only.</source>
        <translation>Cette base de données est sur un serveur&#xa0;: sa sauvegarde est l’affaire du serveur, avec pg_dump chaque nuit et avant chaque mise à niveau (docs/server.md, «&#xa0;Backups&#xa0;»). Assessor ne sauvegarde que les fichiers de base de données.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Backups on a server</source>
        <translation>Sauvegardes sur un serveur</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Back up now</source>
        <translation>Sauvegarder maintenant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Making a verified backup…</source>
        <translation>Création d’une sauvegarde vérifiée…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Backup {id} made and verified ({folder}).</source>
        <translation>Sauvegarde {id} faite et vérifiée ({folder}).</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Restored from backup</source>
        <translation>Restauré à partir d’une sauvegarde</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Restore from backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restoring the backup…</source>
        <translation>Restauration de la sauvegarde…</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+10"/>
        <source>New encrypted database</source>
        <translation>Nouvelle base de données chiffrée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is already a file at {path}. Choose a new name; to encrypt an existing database, open it and choose File → Encrypt this database….</source>
        <translation>Il existe déjà un fichier à l’emplacement {path}. Choisissez un autre nom&#xa0;; pour chiffrer une base existante, ouvrez-la et choisissez Fichier → Chiffrer cette base de données….</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Remove encryption</source>
        <translation>Retirer le chiffrement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Encrypt this database</source>
        <translation>Chiffrer cette base de données</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Only a database file this window may change.</source>
        <translation>Seulement un fichier de base de données que cette fenêtre peut modifier.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Store {name} and its backups unencrypted? Anyone who can read this computer&apos;s files could then read them.</source>
        <translation>Enregistrer {name} et ses sauvegardes sans chiffrement&#xa0;? Quiconque peut lire les fichiers de cet ordinateur pourrait alors les lire.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{path} could not be opened again; open it with File → Open.</source>
        <translation>{path} n’a pas pu être rouvert&#xa0;; ouvrez-le avec Fichier → Ouvrir.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Encrypting {name} and its backups…</source>
        <translation>Chiffrement de {name} et de ses sauvegardes…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decrypting {name} and its backups…</source>
        <translation>Déchiffrement de {name} et de ses sauvegardes…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The preferences could not be saved: {error}</source>
        <translation>Les préférences n’ont pas pu être enregistrées&#xa0;: {error}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your changes are now recorded as made by {name}.</source>
        <translation>Vos modifications sont désormais consignées comme faites par {name}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The new language is used from the next start of Assessor.</source>
        <translation>La nouvelle langue s’applique au prochain démarrage d’Assessor.</translation>
    </message>
</context>
<context>
    <name>style</name>
    <message>
        <location filename="../../assessor/ui/style.py" line="+45"/>
        <source>require</source>
        <extracomment>The Committee&apos;s verbs as the window names them (the factsheet&apos;s own word stays in its text).</extracomment>
        <translation>exige</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>request</source>
        <translation>demande</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>invite</source>
        <translation>invite</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>specific</source>
        <translation>spécifique</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>generic</source>
        <translation>générique</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Specific to {party}</source>
        <extracomment>How section kinds are named in the tree (their full titles are long; tooltips keep them).</extracomment>
        <translation>Recommandations spécifiques ({party})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Generic recommendations</source>
        <translation>Recommandations génériques</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Promising practices</source>
        <translation>Pratiques prometteuses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Difficulties</source>
        <translation>Difficultés</translation>
    </message>
</context>
<context>
    <name>theme_links</name>
    <message>
        <location filename="../../assessor/ui/theme_links.py" line="+56"/>
        <source>{code} is not a code of this factsheet</source>
        <extracomment>A code in any case (&quot;ii-6&quot; is II-6). What may stand between codes: spaces, commas, semicolons, slashes, &quot;and&quot;.</extracomment>
        <translation>{code} n’est pas un code de cette fiche</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{codes} and {last} are not codes of this factsheet</source>
        <translation>{codes} et {last} ne sont pas des codes de cette fiche</translation>
    </message>
</context>
<context>
    <name>tree_text</name>
    <message>
        <location filename="../../assessor/ui/tree_text.py" line="+17"/>
        <source>↻ The State&apos;s follow-up changed after this rating: review it.</source>
        <translation>↻ Le suivi de l’État a changé après cette évaluation&#xa0;: réexaminez-la.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>✔ Final: ready for the Committee.</source>
        <translation>✔ Définitive&#xa0;: prête pour le Comité.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>, follow-up changed since</source>
        <extracomment>Before the rating chip of a final assessment (ready for the Committee).</extracomment>
        <translation>, suivi modifié depuis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, final</source>
        <translation>, définitive</translation>
    </message>
</context>
<context>
    <name>undo</name>
    <message>
        <location filename="../../assessor/ui/assessment_commands.py" line="+111"/>
        <source>Rate {label}</source>
        <extracomment>The assessed field the command changes (its ``old`` and ``new``), for a conflict. The assessment&apos;s version this step last saw (shown when it was made, then left by its last save): saving over another is a conflict, settled in ``conflict_dialog``. A conflict was settled by saving again: this step is not merged with the next.</extracomment>
        <translation>Évaluer {label}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Edit comment on {label}</source>
        <translation>Modifier le commentaire sur {label}</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Mark {label} final</source>
        <translation>Marquer {label} comme définitive</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark {label} draft</source>
        <translation>Marquer {label} comme brouillon</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Keep the rating of {label}</source>
        <translation>Garder l’évaluation de {label}</translation>
    </message>
    <message>
        <location filename="../../assessor/ui/undo.py" line="+58"/>
        <source>Correct follow-up of {label}</source>
        <translation>Corriger le suivi de {label}</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Add theme “{title}”</source>
        <translation>Ajouter le thème «&#xa0;{title}&#xa0;»</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Rename theme to “{title}”</source>
        <translation>Renommer le thème en «&#xa0;{title}&#xa0;»</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Delete theme “{title}”</source>
        <translation>Supprimer le thème «&#xa0;{title}&#xa0;»</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Move theme</source>
        <translation>Déplacer le thème</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Add recommendation to theme</source>
        <translation>Ajouter une recommandation au thème</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Edit recommendation of theme</source>
        <translation>Modifier une recommandation du thème</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Delete recommendation of theme</source>
        <translation>Supprimer une recommandation du thème</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Move recommendation of theme</source>
        <translation>Déplacer une recommandation du thème</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Back to draft: {codes}</source>
        <translation>Retour au brouillon&#xa0;: {codes}</translation>
    </message>
</context>
<context>
    <name>undo_actions</name>
    <message>
        <location filename="../../assessor/ui/undo_actions.py" line="+25"/>
        <source>Undone: {step}</source>
        <translation>Annulé&#xa0;: {step}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Redone: {step}</source>
        <translation>Rétabli&#xa0;: {step}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source> — not shown here: hidden by the search and filters (Ctrl+Shift+L)</source>
        <translation> — non affichée ici&#xa0;: masquée par la recherche et les filtres (Ctrl+Maj+L)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{codes} and {more} more</source>
        <translation>{codes} et {more} autres</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Back to draft: {codes} — a newer follow-up came in after the final rating (Undo makes it final again).</source>
        <translation>Retour au brouillon&#xa0;: {codes} — un suivi plus récent est arrivé après l’évaluation définitive (Annuler la rend de nouveau définitive).</translation>
    </message>
</context>
<context>
    <name>window_chrome</name>
    <message>
        <location filename="../../assessor/ui/window_chrome.py" line="-15"/>
        <source>Read-only: another Assessor{holder} has this database open. You can read everything here but change nothing; close it there to work on it here.</source>
        <translation>Lecture seule&#xa0;: un autre Assessor{holder} a ouvert cette base de données. Vous pouvez tout lire ici mais rien modifier&#xa0;; fermez-la là-bas pour y travailler ici.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No factsheet yet: File → Import, or drop a file here.</source>
        <translation>Aucune fiche pour l’instant&#xa0;: Fichier → Importer, ou déposez un fichier ici.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Read-only</source>
        <translation>Lecture seule</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Rated in scope</source>
        <translation>Évaluées dans le périmètre</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>{where} (server)</source>
        <translation>{where} (serveur)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} in {folder}</source>
        <translation>{name} dans {folder}</translation>
    </message>
</context>
<context>
    <name>workbench_layout</name>
    <message>
        <location filename="../../assessor/ui/workbench_layout.py" line="+21"/>
        <source>Factsheets, chapters, sections and recommendations</source>
        <translation>Fiches, chapitres, sections et recommandations</translation>
    </message>
</context>
</TS>
