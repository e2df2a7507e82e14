<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ChromeCounts</name>
    <message numerus="yes">
        <location filename="../../assessor/ui/window_chrome.py" line="+33"/>
        <source>{party}: {rated} of {in_scope} in scope rated · %n recommendation(s)</source>
        <translation>
            <numerusform>{party}: {rated} of {in_scope} in scope rated · %n recommendation</numerusform>
            <numerusform>{party}: {rated} of {in_scope} in scope rated · %n recommendations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExcelCounts</name>
    <message numerus="yes">
        <location filename="../../assessor/ui/excel_actions.py" line="+42"/>
        <source>Questionnaire for {party} (%n recommendation(s)) written to {path}</source>
        <translation>
            <numerusform>Questionnaire for {party} (%n recommendation) written to {path}</numerusform>
            <numerusform>Questionnaire for {party} (%n recommendations) written to {path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Assessment of {party} (%n recommendation(s)) written to {path}</source>
        <translation>
            <numerusform>Assessment of {party} (%n recommendation) written to {path}</numerusform>
            <numerusform>Assessment of {party} (%n recommendations) written to {path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Overview of {parties} Parties × %n recommendation(s) written to {path}</source>
        <translation>
            <numerusform>Overview of {parties} Parties × %n recommendation written to {path}</numerusform>
            <numerusform>Overview of {parties} Parties × %n recommendations written to {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExchangeCounts</name>
    <message numerus="yes">
        <location filename="../../assessor/ui/exchange_actions.py" line="+53"/>
        <source>Merged %n change(s) from {source}; Edit → Undo takes the whole merge back.</source>
        <translation>
            <numerusform>Merged %n change from {source}; Edit → Undo takes the whole merge back.</numerusform>
            <numerusform>Merged %n changes from {source}; Edit → Undo takes the whole merge back.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilterCounts</name>
    <message numerus="yes">
        <location filename="../../assessor/ui/filters.py" line="+50"/>
        <source>All %n recommendation(s)</source>
        <translation>
            <numerusform>All %n recommendation</numerusform>
            <numerusform>All %n recommendations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Showing {shown} of %n recommendation(s)</source>
        <translation>
            <numerusform>Showing {shown} of %n recommendation</numerusform>
            <numerusform>Showing {shown} of %n recommendations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportCounts</name>
    <message numerus="yes">
        <location filename="../../assessor/ui/import_actions.py" line="+39"/>
        <source>%n themed recommendation(s)</source>
        <translation>
            <numerusform>%n themed recommendation</numerusform>
            <numerusform>%n themed recommendations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n theme(s)</source>
        <translation>
            <numerusform>%n theme</numerusform>
            <numerusform>%n themes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Attach the %n themed recommendation(s) to {party}?</source>
        <translation>
            <numerusform>Attach the %n themed recommendation to {party}?</numerusform>
            <numerusform>Attach the %n themed recommendations to {party}?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n thing(s) to check:</source>
        <translation>
            <numerusform>%n thing to check:</numerusform>
            <numerusform>%n things to check:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MergeCounts</name>
    <message numerus="yes">
        <location filename="../../assessor/ui/merge_summary.py" line="+41"/>
        <source>{party}, {round}: %n recommendation(s) matched</source>
        <translation>
            <numerusform>{party}, {round}: %n recommendation matched</numerusform>
            <numerusform>{party}, {round}: %n recommendations matched</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>; %n code(s) of theirs match none of yours</source>
        <translation>
            <numerusform>; %n code of theirs match none of yours</numerusform>
            <numerusform>; %n codes of theirs match none of yours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Agreement on the %n rating(s) you both gave: &lt;b&gt;{percent} %&lt;/b&gt; · Cohen&apos;s kappa &lt;b&gt;{kappa}&lt;/b&gt;</source>
        <translation>
            <numerusform>Agreement on the %n rating you both gave: &lt;b&gt;{percent} %&lt;/b&gt; · Cohen&apos;s kappa &lt;b&gt;{kappa}&lt;/b&gt;</numerusform>
            <numerusform>Agreement on the %n ratings you both gave: &lt;b&gt;{percent} %&lt;/b&gt; · Cohen&apos;s kappa &lt;b&gt;{kappa}&lt;/b&gt;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message numerus="yes">
        <location filename="../../assessor/ui/merge_dialog.py" line="+347"/>
        <source>%n conflict(s) still need(s) a choice</source>
        <translation>
            <numerusform>%n conflict still needs a choice</numerusform>
            <numerusform>%n conflicts still need a choice</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Apply takes %n change(s)</source>
        <translation>
            <numerusform>Apply takes %n change</numerusform>
            <numerusform>Apply takes %n changes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreviewCounts</name>
    <message numerus="yes">
        <location filename="../../assessor/ui/questionnaire_dialog.py" line="+87"/>
        <source>Imported %n follow-up(s) from {source} ({party}): {what}.</source>
        <translation>
            <numerusform>Imported %n follow-up from {source} ({party}): {what}.</numerusform>
            <numerusform>Imported %n follow-ups from {source} ({party}): {what}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>{source} — {party}: %n row(s), {what}. {action}</source>
        <translation>
            <numerusform>{source} — {party}: %n row, {what}. {action}</numerusform>
            <numerusform>{source} — {party}: %n rows, {what}. {action}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewCounts</name>
    <message numerus="yes">
        <location filename="../../assessor/ui/import_review_dialog.py" line="+79"/>
        <source>%n recommendation(s)</source>
        <translation>
            <numerusform>%n recommendation</numerusform>
            <numerusform>%n recommendations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ThemeHistoryWords</name>
    <message numerus="yes">
        <location filename="../../assessor/ui/theme_history.py" line="+20"/>
        <source>%n recorded change(s) of this theme and its recommendations, newest first.</source>
        <translation>
            <numerusform>%n recorded change of this theme and its recommendations, newest first.</numerusform>
            <numerusform>%n recorded changes of this theme and its recommendations, newest first.</numerusform>
        </translation>
    </message>
</context>
</TS>
