<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="nl">
<context>
    <name>AuditExportPanel</name>
    <message>
        <location filename="../audit_export_panel.cc" line="45"/>
        <source>%1 van %2 vermeldingen</source>
        <translation>%1 of %2 entries</translation>
    </message>
</context>
<context>
    <name>AuditJobs</name>
    <message>
        <location filename="../audit_jobs.cc" line="62"/>
        <source>Geverifieerd: vermelding %1 staat in het ondertekende auditlog van %2 vermeldingen. De handtekening van het controlepunt en het inclusiebewijs zijn hier gecontroleerd, met de verificatiesleutel.</source>
        <translation>Verified: entry %1 is in the signed audit log of %2 entries. The checkpoint signature and the inclusion proof have been checked here, using the verification key.</translation>
    </message>
    <message>
        <location filename="../audit_jobs.cc" line="70"/>
        <source>Niet geverifieerd: de handtekening van het controlepunt klopt niet met de verificatiesleutel.</source>
        <translation>Not verified: the checkpoint signature does not match the verification key.</translation>
    </message>
    <message>
        <location filename="../audit_jobs.cc" line="75"/>
        <source>Niet geverifieerd: het bewijs hoort niet bij vermelding %1 in de ondertekende boom.</source>
        <translation>Not verified: the proof does not belong to entry %1 in the signed tree.</translation>
    </message>
    <message>
        <location filename="../audit_jobs.cc" line="80"/>
        <source>Niet geverifieerd: de opgeslagen gegevens zijn geen logvermelding.</source>
        <translation>Not verified: the stored data is not a log entry.</translation>
    </message>
    <message>
        <location filename="../audit_jobs.cc" line="83"/>
        <source>Niet geverifieerd: de opgeslagen gegevens zijn een andere vermelding dan %1.</source>
        <translation>Not verified: the stored data is an entry other than %1.</translation>
    </message>
    <message>
        <location filename="../audit_jobs.cc" line="88"/>
        <source>Niet geverifieerd: de opgeslagen gegevens bevatten een andere gebeurtenis.</source>
        <translation>Not verified: the stored data contains a different event.</translation>
    </message>
    <message>
        <location filename="../audit_jobs.cc" line="92"/>
        <source>Niet geverifieerd: het getoonde record is niet het record in de opgeslagen gegevens.</source>
        <translation>Not verified: the record shown is not the record in the stored data.</translation>
    </message>
    <message>
        <location filename="../audit_jobs.cc" line="96"/>
        <source>Niet geverifieerd: het inclusiebewijs leidt niet van de vermelding naar de ondertekende wortel.</source>
        <translation>Not verified: the inclusion proof does not lead from the entry to the signed root.</translation>
    </message>
    <message>
        <location filename="../audit_jobs.cc" line="184"/>
        <source>Geverifieerd: %1 vermeldingen; hun wortel klopt met het ondertekende controlepunt en de handtekening met de verificatiesleutel.</source>
        <translation>Verified: %1 entries; their root matches the signed checkpoint and the signature matches the verification key.</translation>
    </message>
    <message>
        <location filename="../audit_jobs.cc" line="190"/>
        <source>Geweigerd: dit bestand is niet te lezen of begint niet als een export van het auditlog.</source>
        <translation>Rejected: this file cannot be read or does not start as an audit log export.</translation>
    </message>
    <message>
        <location filename="../audit_jobs.cc" line="195"/>
        <source>Geweigerd: er is geen bruikbare verificatiesleutel.</source>
        <translation>Rejected: there is no usable verification key.</translation>
    </message>
    <message>
        <location filename="../audit_jobs.cc" line="198"/>
        <source>Geweigerd: de handtekening van het controlepunt in de export klopt niet met de verificatiesleutel.</source>
        <translation>Rejected: the checkpoint signature in the export does not match the verification key.</translation>
    </message>
    <message>
        <location filename="../audit_jobs.cc" line="203"/>
        <source>Geweigerd: vermelding %1 is onleesbaar of staat niet op haar plaats.</source>
        <translation>Rejected: entry %1 is unreadable or out of place.</translation>
    </message>
    <message>
        <location filename="../audit_jobs.cc" line="208"/>
        <source>Geweigerd: het bestand is afgekapt of beschadigd na vermelding %1.</source>
        <translation>Rejected: the file is truncated or damaged after entry %1.</translation>
    </message>
    <message>
        <location filename="../audit_jobs.cc" line="212"/>
        <source>Geweigerd: het bestand bevat %1 vermeldingen; het controlepunt zegt %2.</source>
        <translation>Rejected: the file contains %1 entries; the checkpoint says %2.</translation>
    </message>
    <message>
        <location filename="../audit_jobs.cc" line="218"/>
        <source>Geweigerd: de vermeldingen leveren niet de ondertekende wortel op; de export is gewijzigd of onvolledig.</source>
        <translation>Rejected: the entries do not produce the signed root; the export has been altered or is incomplete.</translation>
    </message>
    <message>
        <location filename="../audit_jobs.cc" line="223"/>
        <source>Controle geannuleerd.</source>
        <translation>Verification cancelled.</translation>
    </message>
</context>
<context>
    <name>AuditRecords</name>
    <message>
        <location filename="../audit_records.cc" line="20"/>
        <source>Aanmaken</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../audit_records.cc" line="22"/>
        <source>Lezen</source>
        <translation>Read</translation>
    </message>
    <message>
        <location filename="../audit_records.cc" line="24"/>
        <source>Wijzigen</source>
        <translation>Update</translation>
    </message>
    <message>
        <location filename="../audit_records.cc" line="26"/>
        <source>Verwijderen</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../audit_records.cc" line="28"/>
        <source>Uitvoeren</source>
        <translation>Execute</translation>
    </message>
    <message>
        <location filename="../audit_records.cc" line="30"/>
        <location filename="../audit_records.cc" line="47"/>
        <source>Onbekend</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../audit_records.cc" line="38"/>
        <source>Geslaagd</source>
        <translation>Succeeded</translation>
    </message>
    <message>
        <location filename="../audit_records.cc" line="41"/>
        <source>Geweigerd</source>
        <translation>Denied</translation>
    </message>
    <message>
        <location filename="../audit_records.cc" line="44"/>
        <source>Mislukt</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../audit_records.cc" line="59"/>
        <source>geslaagd</source>
        <translation>passed</translation>
    </message>
    <message>
        <location filename="../audit_records.cc" line="61"/>
        <source>niet geslaagd</source>
        <translation>not passed</translation>
    </message>
    <message>
        <location filename="../audit_records.cc" line="63"/>
        <source>n.v.t.</source>
        <translation>n/a</translation>
    </message>
    <message>
        <location filename="../audit_records.cc" line="65"/>
        <source>niet vastgelegd</source>
        <translation>not recorded</translation>
    </message>
    <message>
        <location filename="../audit_records.cc" line="93"/>
        <source>doel: %1</source>
        <translation>purpose: %1</translation>
    </message>
    <message>
        <location filename="../audit_records.cc" line="97"/>
        <source>autorisatie: %1</source>
        <translation>authorisation: %1</translation>
    </message>
    <message>
        <location filename="../audit_records.cc" line="99"/>
        <source>zorgrelatie: %1</source>
        <translation>care relationship: %1</translation>
    </message>
    <message>
        <location filename="../audit_records.cc" line="101"/>
        <source>toestemming: %1</source>
        <translation>consent: %1</translation>
    </message>
    <message>
        <location filename="../audit_records.cc" line="103"/>
        <source>noodtoegang: %1</source>
        <translation>emergency access: %1</translation>
    </message>
    <message>
        <location filename="../audit_records.cc" line="114"/>
        <source>Niet meer leesbaar: de sleutel van deze periode is vernietigd.</source>
        <translation>No longer readable: the key for this period has been destroyed.</translation>
    </message>
    <message>
        <location filename="../audit_records.cc" line="176"/>
        <source>Vul de verificatiesleutel van het auditlog in.</source>
        <translation>Enter the audit log verification key.</translation>
    </message>
    <message>
        <location filename="../audit_records.cc" line="178"/>
        <source>Dit is geen verificatiesleutel (naam+sleutel-id+sleutel).</source>
        <translation>This is not a verification key (name+key-id+key).</translation>
    </message>
</context>
<context>
    <name>CaseText</name>
    <message>
        <location filename="../case_common.cc" line="15"/>
        <source>U heeft geen toegang tot deze casus of deze bestaat niet.</source>
        <translation>You do not have access to this case, or it does not exist.</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="25"/>
        <source>Slachtoffer</source>
        <translation>Victim</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="27"/>
        <source>Vermoedelijke pleger</source>
        <translation>Suspected perpetrator</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="29"/>
        <source>Kind</source>
        <translation>Child</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="31"/>
        <source>Ouder</source>
        <translation>Parent</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="33"/>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="35"/>
        <source>Ex-partner</source>
        <translation>Ex-partner</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="37"/>
        <source>Huisgenoot</source>
        <translation>Household member</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="39"/>
        <source>Netwerk</source>
        <translation>Network</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="41"/>
        <location filename="../case_common.cc" line="100"/>
        <location filename="../case_common.cc" line="113"/>
        <location filename="../case_common.cc" line="128"/>
        <location filename="../case_common.cc" line="155"/>
        <source>Onbekend</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="48"/>
        <source>partner</source>
        <translation>partner</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="50"/>
        <source>ex-partner</source>
        <translation>ex-partner</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="52"/>
        <source>ouder van</source>
        <translation>parent of</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="54"/>
        <source>broer/zus</source>
        <translation>sibling</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="56"/>
        <source>huisgenoot</source>
        <translation>household member</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="58"/>
        <source>onbekend</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="65"/>
        <source>Algemeen</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="67"/>
        <source>Zorg</source>
        <translation>Care</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="69"/>
        <source>Justitie</source>
        <translation>Justice</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="71"/>
        <source>Niet opgegeven</source>
        <translation>Not specified</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="78"/>
        <location filename="../case_plan_tab.cc" line="52"/>
        <source>Veilig Thuis</source>
        <translation>Veilig Thuis</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="80"/>
        <source>Wijkteam</source>
        <translation>Local team</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="82"/>
        <source>Politie</source>
        <translation>Police</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="84"/>
        <source>Openbaar Ministerie</source>
        <translation>Public Prosecution Service</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="86"/>
        <source>Raad voor de Kinderbescherming</source>
        <translation>Child Protection Board</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="88"/>
        <source>Reclassering</source>
        <translation>Probation Service</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="90"/>
        <source>GGZ</source>
        <translation>Mental health care</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="92"/>
        <source>Jeugdzorg</source>
        <translation>Youth care</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="94"/>
        <source>Opvang</source>
        <translation>Shelter</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="96"/>
        <source>Overige zorg</source>
        <translation>Other care</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="98"/>
        <source>Beheerder</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="107"/>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="109"/>
        <source>Gedaan</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="111"/>
        <source>Geannuleerd</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="120"/>
        <source>Concept</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="122"/>
        <source>Voorgesteld</source>
        <translation>Proposed</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="124"/>
        <source>Van kracht</source>
        <translation>In force</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="126"/>
        <source>Vervangen</source>
        <translation>Superseded</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="135"/>
        <source>Zorgen en risicotaxatie</source>
        <translation>Worries and risk assessment</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="137"/>
        <source>Krachten</source>
        <translation>Strengths</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="139"/>
        <source>Veiligheidsvoorwaarden</source>
        <translation>Safety conditions</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="141"/>
        <source>Veiligheidsafspraken</source>
        <translation>Safety agreements</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="143"/>
        <source>Signalen</source>
        <translation>Warning signs</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="145"/>
        <source>Veiligheidsnetwerk</source>
        <translation>Safety network</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="147"/>
        <source>Doelen</source>
        <translation>Goals</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="149"/>
        <source>Perspectief van het slachtoffer</source>
        <translation>The victim&apos;s perspective</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="151"/>
        <source>De stem van het kind</source>
        <translation>The child&apos;s voice</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="153"/>
        <source>Contactverboden en -beperkingen</source>
        <translation>Contact bans and restrictions</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="162"/>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="164"/>
        <source>nagekomen</source>
        <translation>kept</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="166"/>
        <source>niet nagekomen</source>
        <translation>not kept</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="174"/>
        <source>verborgen voor uw organisatie</source>
        <translation>hidden from your organisation</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="192"/>
        <source>eigenaar: %1</source>
        <translation>owner: %1</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="196"/>
        <source>uiterlijk %1</source>
        <translation>by %1</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="198"/>
        <source>controle: %1</source>
        <translation>checked by: %1</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="207"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="210"/>
        <source> (bel %1)</source>
        <translation> (call %1)</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="216"/>
        <source>%1: %2 (%3)</source>
        <translation>%1: %2 (%3)</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="222"/>
        <source>&quot;%1&quot; (tegen %2)</source>
        <translation>&quot;%1&quot; (against %2)</translation>
    </message>
    <message>
        <location filename="../case_common.cc" line="225"/>
        <source> — voor het kind: %1</source>
        <translation> — for the child: %1</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="42"/>
        <source>Plan bevestigd</source>
        <translation>Plan confirmed</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="44"/>
        <source>Nieuwe versie gestart</source>
        <translation>New version started</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="51"/>
        <source>Casusregisseur</source>
        <translation>Case director</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="69"/>
        <source>Alleen de casusregisseur en het kernteam kunnen het veiligheidsplan wijzigen.</source>
        <translation>Only the case director and the core team can change the safety plan.</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="75"/>
        <source>Alleen de casusregisseur ondertekent het veiligheidsplan (en Veilig Thuis als de veiligheidsvoorwaarden zijn gewijzigd).</source>
        <translation>Only the case director signs the safety plan (and Veilig Thuis if the safety conditions have changed).</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="81"/>
        <source>Alleen de casusregisseur evalueert het veiligheidsplan.</source>
        <translation>Only the case director evaluates the safety plan.</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="88"/>
        <source>Deze versie is geen concept meer; start een nieuw concept.</source>
        <translation>This version is no longer a draft; start a new draft.</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="92"/>
        <source>Deze versie ligt niet (meer) ter ondertekening voor.</source>
        <translation>This version is not (or no longer) up for signature.</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="96"/>
        <source>De ondertekening van uw organisatie is al vastgelegd.</source>
        <translation>Your organisation&apos;s signature has already been recorded.</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="100"/>
        <source>De veiligheidsvoorwaarden zijn niet gewijzigd: alleen de casusregisseur ondertekent deze versie.</source>
        <translation>The safety conditions have not changed: only the case director signs this version.</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="106"/>
        <source>Alleen het geldende plan kan worden geëvalueerd.</source>
        <translation>Only the plan in force can be evaluated.</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="110"/>
        <source>De casus is gesloten; het veiligheidsplan verandert niet meer.</source>
        <translation>The case is closed; the safety plan can no longer change.</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="114"/>
        <source>Het concept bestaat niet meer; laad het plan opnieuw.</source>
        <translation>The draft no longer exists; reload the plan.</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="119"/>
        <source>Deze casus heeft nog geen veiligheidsplan.</source>
        <translation>This case does not have a safety plan yet.</translation>
    </message>
    <message>
        <location filename="../case_plan_diff.cc" line="78"/>
        <source>toegevoegd</source>
        <translation>added</translation>
    </message>
    <message>
        <location filename="../case_plan_diff.cc" line="80"/>
        <source>verwijderd</source>
        <translation>removed</translation>
    </message>
    <message>
        <location filename="../case_plan_diff.cc" line="82"/>
        <source>gewijzigd</source>
        <translation>changed</translation>
    </message>
    <message>
        <location filename="../case_plan_diff.cc" line="84"/>
        <source>ongewijzigd</source>
        <translation>unchanged</translation>
    </message>
    <message>
        <location filename="../case_plan_diff.cc" line="129"/>
        <source>was: %1 (gewijzigd: %2)</source>
        <translation>was: %1 (changed: %2)</translation>
    </message>
    <message>
        <location filename="../case_responsibility_tab.cc" line="30"/>
        <source>Casus geopend</source>
        <translation>Case opened</translation>
    </message>
    <message>
        <location filename="../case_responsibility_tab.cc" line="32"/>
        <source>Overdracht geaccepteerd</source>
        <translation>Handover accepted</translation>
    </message>
    <message>
        <location filename="../case_responsibility_tab.cc" line="34"/>
        <source>Casus gesloten</source>
        <translation>Case closed</translation>
    </message>
    <message>
        <location filename="../case_responsibility_tab.cc" line="36"/>
        <source>Casus heropend</source>
        <translation>Case reopened</translation>
    </message>
    <message>
        <location filename="../case_responsibility_tab.cc" line="38"/>
        <source>Fase gewijzigd</source>
        <translation>Phase changed</translation>
    </message>
    <message>
        <location filename="../case_responsibility_tab.cc" line="40"/>
        <source>Incident in het veiligheidsplan</source>
        <translation>Incident in the safety plan</translation>
    </message>
    <message>
        <location filename="../case_meeting_dialog.cc" line="155"/>
        <source>geen datum</source>
        <translation>no date</translation>
    </message>
    <message>
        <location filename="../case_meeting_dialog.cc" line="177"/>
        <source>Standaard van mijn organisatie</source>
        <translation>My organisation&apos;s default</translation>
    </message>
    <message>
        <location filename="../case_meeting_dialog.cc" line="178"/>
        <source>Kies de gevoeligheid</source>
        <translation>Choose the sensitivity</translation>
    </message>
    <message>
        <location filename="../case_meeting_dialog.cc" line="400"/>
        <source>Alleen de casusregisseur en het kernteam kunnen een overleg vastleggen.</source>
        <translation>Only the case director and the core team can record a meeting.</translation>
    </message>
    <message>
        <location filename="../case_meeting_dialog.cc" line="404"/>
        <source>U kijkt mee als toezichthouder en kunt deze casus niet wijzigen.</source>
        <translation>You are viewing as a supervisor and cannot change this case.</translation>
    </message>
    <message>
        <location filename="../case_meeting_dialog.cc" line="410"/>
        <source>De casus is gesloten; heropen hem eerst.</source>
        <translation>The case is closed; reopen it first.</translation>
    </message>
    <message>
        <location filename="../case_plan_records.cc" line="94"/>
        <source>laag</source>
        <translation>low</translation>
    </message>
    <message>
        <location filename="../case_plan_records.cc" line="95"/>
        <source>midden</source>
        <translation>medium</translation>
    </message>
    <message>
        <location filename="../case_plan_records.cc" line="96"/>
        <source>matig</source>
        <translation>moderate</translation>
    </message>
    <message>
        <location filename="../case_plan_records.cc" line="97"/>
        <source>hoog</source>
        <translation>high</translation>
    </message>
    <message>
        <location filename="../case_plan_records.cc" line="98"/>
        <source>zeer hoog</source>
        <translation>very high</translation>
    </message>
    <message>
        <location filename="../case_plan_records.cc" line="105"/>
        <source>In persoon</source>
        <translation>In person</translation>
    </message>
    <message>
        <location filename="../case_plan_records.cc" line="107"/>
        <source>Schriftelijk</source>
        <translation>In writing</translation>
    </message>
    <message>
        <location filename="../case_plan_records.cc" line="109"/>
        <source>Telefonisch</source>
        <translation>By phone</translation>
    </message>
    <message>
        <location filename="../case_plan_records.cc" line="111"/>
        <source>— kies hoe —</source>
        <translation>— choose how —</translation>
    </message>
</context>
<context>
    <name>Display</name>
    <message>
        <location filename="../display.cc" line="58"/>
        <source>Veilig Thuis-intake</source>
        <translation>Veilig Thuis intake</translation>
    </message>
    <message>
        <location filename="../display.cc" line="60"/>
        <source>Professional</source>
        <translation>Professional</translation>
    </message>
    <message>
        <location filename="../display.cc" line="62"/>
        <location filename="../display.cc" line="79"/>
        <source>Casusregisseur</source>
        <translation>Case director</translation>
    </message>
    <message>
        <location filename="../display.cc" line="64"/>
        <source>Toezichthouder</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../display.cc" line="66"/>
        <source>Auditor</source>
        <translation>Auditor</translation>
    </message>
    <message>
        <location filename="../display.cc" line="68"/>
        <source>Beheerder</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../display.cc" line="70"/>
        <source>Regionaal toezichthouder</source>
        <translation>Regional supervisor</translation>
    </message>
    <message>
        <location filename="../display.cc" line="72"/>
        <source>Onbekende rol</source>
        <translation>Unknown role</translation>
    </message>
    <message>
        <location filename="../display.cc" line="81"/>
        <source>Kernteam</source>
        <translation>Core team</translation>
    </message>
    <message>
        <location filename="../display.cc" line="83"/>
        <source>Betrokken</source>
        <translation>Involved</translation>
    </message>
    <message>
        <location filename="../display.cc" line="85"/>
        <source>Toezicht</source>
        <translation>Oversight</translation>
    </message>
    <message>
        <location filename="../display.cc" line="87"/>
        <location filename="../display.cc" line="98"/>
        <location filename="../display.cc" line="135"/>
        <location filename="../display.cc" line="152"/>
        <source>Onbekend</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../display.cc" line="94"/>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../display.cc" line="96"/>
        <source>Gesloten</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../display.cc" line="111"/>
        <source>geen rollen</source>
        <translation>no roles</translation>
    </message>
    <message>
        <location filename="../display.cc" line="127"/>
        <source>Directe veiligheid</source>
        <translation>Direct safety</translation>
    </message>
    <message>
        <location filename="../display.cc" line="129"/>
        <source>Stabiele veiligheid</source>
        <translation>Stable safety</translation>
    </message>
    <message>
        <location filename="../display.cc" line="131"/>
        <source>Herstel</source>
        <translation>Recovery</translation>
    </message>
    <message>
        <location filename="../display.cc" line="133"/>
        <source>Nazorg</source>
        <translation>Aftercare</translation>
    </message>
    <message>
        <location filename="../display.cc" line="142"/>
        <source>Voorgesteld</source>
        <translation>Proposed</translation>
    </message>
    <message>
        <location filename="../display.cc" line="144"/>
        <source>Geaccepteerd</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../display.cc" line="146"/>
        <source>Geweigerd</source>
        <translation>Declined</translation>
    </message>
    <message>
        <location filename="../display.cc" line="148"/>
        <source>Ingetrokken</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../display.cc" line="150"/>
        <source>Verlopen</source>
        <translation>Expired</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <location filename="../error_text.cc" line="54"/>
        <source>De server is niet bereikbaar.</source>
        <translation>The server cannot be reached.</translation>
    </message>
    <message>
        <location filename="../error_text.cc" line="56"/>
        <source>De server antwoordde niet op tijd. Probeer het later opnieuw.</source>
        <translation>The server did not answer in time. Please try again later.</translation>
    </message>
    <message>
        <location filename="../error_text.cc" line="59"/>
        <source>U heeft te veel verzoeken gedaan. Wacht even en probeer het opnieuw.</source>
        <translation>You made too many requests. Please wait a moment and try again.</translation>
    </message>
    <message>
        <location filename="../error_text.cc" line="62"/>
        <source>Er ging iets mis bij de server (%1). Probeer het later opnieuw of neem contact op met uw beheerder.</source>
        <translation>Something went wrong at the server (%1). Please try again later or contact your administrator.</translation>
    </message>
    <message>
        <location filename="../error_text.cc" line="76"/>
        <location filename="../error_text.cc" line="87"/>
        <source>Uw certificaat wordt niet (meer) geaccepteerd. Neem contact op met uw beheerder.</source>
        <translation>Your certificate is not (or no longer) accepted. Please contact your administrator.</translation>
    </message>
    <message>
        <location filename="../error_text.cc" line="91"/>
        <source>U heeft geen toegang tot dit onderdeel.</source>
        <translation>You have no access to this part.</translation>
    </message>
</context>
<context>
    <name>FieldError</name>
    <message>
        <location filename="../field_errors.cc" line="30"/>
        <source>Vul dit veld in.</source>
        <translation>Please fill in this field.</translation>
    </message>
    <message>
        <location filename="../field_errors.cc" line="31"/>
        <source>Dit veld mag niet leeg zijn.</source>
        <translation>This field cannot be empty.</translation>
    </message>
    <message>
        <location filename="../field_errors.cc" line="32"/>
        <source>Mag niet negatief zijn.</source>
        <translation>Cannot be negative.</translation>
    </message>
    <message>
        <location filename="../field_errors.cc" line="33"/>
        <source>Moet groter dan nul zijn.</source>
        <translation>Must be greater than zero.</translation>
    </message>
    <message>
        <location filename="../field_errors.cc" line="35"/>
        <source>Mag niet in de toekomst liggen.</source>
        <translation>Cannot be in the future.</translation>
    </message>
    <message>
        <location filename="../field_errors.cc" line="36"/>
        <source>Geen geldig tijdstip.</source>
        <translation>Not a valid time.</translation>
    </message>
    <message>
        <location filename="../field_errors.cc" line="37"/>
        <source>Geen geldige datum.</source>
        <translation>Not a valid date.</translation>
    </message>
    <message>
        <location filename="../field_errors.cc" line="38"/>
        <source>Deze datum bestaat niet.</source>
        <translation>This date does not exist.</translation>
    </message>
    <message>
        <location filename="../field_errors.cc" line="40"/>
        <location filename="../field_errors.cc" line="42"/>
        <source>Bevat tekens die niet zijn toegestaan.</source>
        <translation>Contains characters that are not allowed.</translation>
    </message>
    <message>
        <location filename="../field_errors.cc" line="44"/>
        <source>Geen geldig BSN (9 cijfers die de elfproef doorstaan).</source>
        <translation>Not a valid BSN (9 digits that pass the eleven test).</translation>
    </message>
    <message>
        <location filename="../field_errors.cc" line="46"/>
        <source>Gegevens zijn niet actueel; laad ze opnieuw.</source>
        <translation>The data is out of date; please reload it.</translation>
    </message>
    <message>
        <location filename="../field_errors.cc" line="48"/>
        <source>Geen actieve professional met deze code.</source>
        <translation>No active professional with this code.</translation>
    </message>
    <message>
        <location filename="../field_errors.cc" line="50"/>
        <source>Geen organisatie met deze code.</source>
        <translation>No organisation with this code.</translation>
    </message>
    <message>
        <location filename="../field_errors.cc" line="51"/>
        <source>Staat niet in het casusteam.</source>
        <translation>Not in the case team.</translation>
    </message>
    <message>
        <location filename="../field_errors.cc" line="53"/>
        <source>Deze persoon hoort niet bij de casus.</source>
        <translation>This person is not part of the case.</translation>
    </message>
    <message>
        <location filename="../field_errors.cc" line="55"/>
        <source>Kies een van de 28 regio&apos;s.</source>
        <translation>Choose one of the 28 regions.</translation>
    </message>
    <message>
        <location filename="../field_errors.cc" line="57"/>
        <source>Mag niet voor de acceptatie liggen.</source>
        <translation>Cannot be before acceptance.</translation>
    </message>
    <message>
        <location filename="../field_errors.cc" line="59"/>
        <source>Mag niet voor de begindatum liggen.</source>
        <translation>Cannot be before the start date.</translation>
    </message>
    <message>
        <location filename="../field_errors.cc" line="61"/>
        <source>Noem ten minste één persoon.</source>
        <translation>Name at least one person.</translation>
    </message>
    <message>
        <location filename="../field_errors.cc" line="63"/>
        <source>Noem ten minste één vorm van geweld.</source>
        <translation>Name at least one form of violence.</translation>
    </message>
    <message>
        <location filename="../field_errors.cc" line="65"/>
        <source>Noem ten minste één aanwezige.</source>
        <translation>Name at least one attendee.</translation>
    </message>
    <message>
        <location filename="../field_errors.cc" line="66"/>
        <source>Kies een rol.</source>
        <translation>Choose a role.</translation>
    </message>
    <message>
        <location filename="../field_errors.cc" line="68"/>
        <source>Kies het soort relatie.</source>
        <translation>Choose the kind of relation.</translation>
    </message>
    <message>
        <location filename="../field_errors.cc" line="70"/>
        <source>Een persoon kan geen relatie met zichzelf hebben.</source>
        <translation>A person cannot be related to themselves.</translation>
    </message>
    <message>
        <location filename="../field_errors.cc" line="72"/>
        <source>Kies kernteam of betrokken.</source>
        <translation>Choose core team or involved.</translation>
    </message>
    <message>
        <location filename="../field_errors.cc" line="74"/>
        <source>Hieraan is niet voldaan: voldoe eraan, of leg bij de afwijking uit waarom de casus toch sluit.</source>
        <translation>This is not met: meet it, or explain under deviation why the case closes anyway.</translation>
    </message>
    <message>
        <location filename="../field_errors.cc" line="78"/>
        <source>U kunt de rol van casusregisseur niet aan uzelf overdragen.</source>
        <translation>You cannot hand the case director role to yourself.</translation>
    </message>
    <message>
        <location filename="../field_errors.cc" line="81"/>
        <source>Deze persoon heeft geen rol voor casuswerk (casusregisseur, professional of Veilig Thuis-intake).</source>
        <translation>This person has no case-work role (case director, professional or Veilig Thuis intake).</translation>
    </message>
    <message>
        <location filename="../field_errors.cc" line="85"/>
        <source>Dit is de casusregisseur (een casus heeft er altijd een); draag die rol eerst over.</source>
        <translation>This is the case director (a case always has one); hand that role over first.</translation>
    </message>
    <message>
        <location filename="../field_errors.cc" line="89"/>
        <source>Dit is niet de organisatie van deze professional.</source>
        <translation>This is not this professional&apos;s organisation.</translation>
    </message>
    <message>
        <location filename="../field_errors.cc" line="91"/>
        <source>De beheerder ziet nooit cliëntgegevens.</source>
        <translation>The administrator never sees client data.</translation>
    </message>
    <message>
        <location filename="../field_errors.cc" line="100"/>
        <source>Hoogstens %1 tekens.</source>
        <translation>At most %1 characters.</translation>
    </message>
    <message>
        <location filename="../field_errors.cc" line="102"/>
        <source>Hoogstens %1 tekens (nu %2).</source>
        <translation>At most %1 characters (currently %2).</translation>
    </message>
    <message>
        <location filename="../field_errors.cc" line="105"/>
        <source>Ongeldige waarde: %1</source>
        <translation>Invalid value: %1</translation>
    </message>
    <message>
        <location filename="../field_errors.cc" line="123"/>
        <source>Intussen gewijzigd</source>
        <translation>Changed in the meantime</translation>
    </message>
    <message>
        <location filename="../field_errors.cc" line="124"/>
        <source>Iemand anders heeft dit intussen gewijzigd. Uw wijziging is niet opgeslagen. Wilt u de actuele gegevens opnieuw laden?</source>
        <translation>Someone else has changed this in the meantime. Your change has not been saved. Do you want to reload the current data?</translation>
    </message>
    <message>
        <location filename="../field_errors.cc" line="130"/>
        <source>&amp;Opnieuw laden</source>
        <translation>&amp;Reload</translation>
    </message>
    <message>
        <location filename="../field_errors.cc" line="132"/>
        <source>&amp;Annuleren</source>
        <translation>&amp;Cancel</translation>
    </message>
</context>
<context>
    <name>HandoverText</name>
    <message>
        <location filename="../handover_form.cc" line="25"/>
        <source>Alleen professionals van de ontvangende organisatie kunnen dit doen.</source>
        <translation>Only professionals of the receiving organisation can do this.</translation>
    </message>
    <message>
        <location filename="../handover_form.cc" line="29"/>
        <source>Alleen de organisatie die de regie heeft kan een overdracht voorstellen.</source>
        <translation>Only the organisation with lead responsibility can propose a handover.</translation>
    </message>
    <message>
        <location filename="../handover_form.cc" line="33"/>
        <source>Dit kunt u niet doen bij deze overdracht, of de overdracht bestaat niet.</source>
        <translation>You cannot do this with this handover, or the handover does not exist.</translation>
    </message>
    <message>
        <location filename="../handover_form.cc" line="39"/>
        <source>Mensenhandel: leg eerst de schriftelijke toestemming vast voordat de casus met een andere organisatie wordt gedeeld.</source>
        <translation>Human trafficking: record the written consent before the case is shared with another organisation.</translation>
    </message>
    <message>
        <location filename="../handover_form.cc" line="45"/>
        <source>Er staat al een overdracht van deze casus open. Trek die eerst in of wacht op het antwoord.</source>
        <translation>A handover of this case is already pending. Withdraw it first or wait for the response.</translation>
    </message>
    <message>
        <location filename="../handover_form.cc" line="51"/>
        <source>Wie de regie overneemt moet eerst in het casusteam staan. Vraag de casusregisseur om diegene toe te voegen.</source>
        <translation>Whoever takes over lead responsibility must first be in the case team. Ask the case director to add them.</translation>
    </message>
    <message>
        <location filename="../handover_form.cc" line="57"/>
        <source>De termijn om te accepteren is verstreken; de verzender blijft verantwoordelijk.</source>
        <translation>The deadline for accepting has passed; the sender remains responsible.</translation>
    </message>
    <message>
        <location filename="../handover_form.cc" line="62"/>
        <source>Het eerste contact is al bevestigd.</source>
        <translation>The first contact has already been confirmed.</translation>
    </message>
    <message>
        <location filename="../handover_form.cc" line="65"/>
        <source>Alleen bij een geaccepteerde overdracht kan het eerste contact worden bevestigd.</source>
        <translation>The first contact can only be confirmed for an accepted handover.</translation>
    </message>
    <message>
        <location filename="../handover_form.cc" line="71"/>
        <source>Deze overdracht is al beantwoord, ingetrokken of verlopen.</source>
        <translation>This handover has already been responded to, withdrawn or expired.</translation>
    </message>
    <message>
        <location filename="../handover_form.cc" line="75"/>
        <source>De casus is gesloten.</source>
        <translation>The case is closed.</translation>
    </message>
    <message>
        <location filename="../handover_form.cc" line="77"/>
        <source>Het gaat nu om eergerelateerd geweld en het voorstel zegt dat de familie is ingelicht. De verzender trekt het voorstel in en stelt opnieuw voor.</source>
        <translation>This case now involves honour-related violence, and the proposal says the family has been informed. The sender must withdraw the proposal and propose again.</translation>
    </message>
    <message>
        <location filename="../handover_form.cc" line="84"/>
        <source>De regie of de fase van de casus is intussen gewijzigd. Laad de casus opnieuw.</source>
        <translation>The lead responsibility or the phase of the case has changed in the meantime. Reload the case.</translation>
    </message>
</context>
<context>
    <name>InboxKind</name>
    <message>
        <location filename="../inbox_view.cc" line="84"/>
        <source>Overdracht wacht op antwoord</source>
        <translation>Handover awaiting answer</translation>
    </message>
    <message>
        <location filename="../inbox_view.cc" line="86"/>
        <source>Herinnering overdracht</source>
        <translation>Handover reminder</translation>
    </message>
    <message>
        <location filename="../inbox_view.cc" line="88"/>
        <source>Escalatie: niet op tijd geaccepteerd</source>
        <translation>Escalation: not accepted in time</translation>
    </message>
    <message>
        <location filename="../inbox_view.cc" line="90"/>
        <source>Escalatie: geen eerste contact</source>
        <translation>Escalation: no first contact</translation>
    </message>
    <message>
        <location filename="../inbox_view.cc" line="92"/>
        <source>Eerste contact bevestigen</source>
        <translation>Confirm first contact</translation>
    </message>
    <message>
        <location filename="../inbox_view.cc" line="94"/>
        <source>Overdracht</source>
        <translation>Handover</translation>
    </message>
    <message>
        <location filename="../inbox_view.cc" line="101"/>
        <source>Herinnering veiligheidsplan</source>
        <translation>Safety plan reminder</translation>
    </message>
    <message>
        <location filename="../inbox_view.cc" line="103"/>
        <source>Escalatie veiligheidsplan</source>
        <translation>Safety plan escalation</translation>
    </message>
    <message>
        <location filename="../inbox_view.cc" line="105"/>
        <source>Incident</source>
        <translation>Incident</translation>
    </message>
    <message>
        <location filename="../inbox_view.cc" line="107"/>
        <source>Veiligheidsplan</source>
        <translation>Safety plan</translation>
    </message>
    <message>
        <location filename="../inbox_view.cc" line="140"/>
        <source>Voorgesteld, wacht op antwoord</source>
        <translation>Proposed, awaiting response</translation>
    </message>
    <message>
        <location filename="../inbox_view.cc" line="145"/>
        <source>Overdracht aan %1 (fase %2) wacht op antwoord</source>
        <translation>Handover to %1 (phase %2) awaiting response</translation>
    </message>
</context>
<context>
    <name>PlanDraftDialog</name>
    <message>
        <location filename="../case_plan_editor.cc" line="49"/>
        <source>Afspraak:</source>
        <translation>Agreement:</translation>
    </message>
    <message>
        <location filename="../case_plan_editor.cc" line="50"/>
        <source>Eigenaar:</source>
        <translation>Owner:</translation>
    </message>
    <message>
        <location filename="../case_plan_editor.cc" line="51"/>
        <source>Uiterlijk:</source>
        <translation>Due by:</translation>
    </message>
    <message>
        <location filename="../case_plan_editor.cc" line="52"/>
        <source>Wie controleert:</source>
        <translation>Who checks:</translation>
    </message>
    <message>
        <location filename="../case_plan_editor.cc" line="53"/>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../case_plan_editor.cc" line="55"/>
        <source>Signaal:</source>
        <translation>Warning sign:</translation>
    </message>
    <message>
        <location filename="../case_plan_editor.cc" line="56"/>
        <source>Wat ieder dan doet:</source>
        <translation>What each person then does:</translation>
    </message>
    <message>
        <location filename="../case_plan_editor.cc" line="57"/>
        <source>Wie bellen:</source>
        <translation>Who to call:</translation>
    </message>
    <message>
        <location filename="../case_plan_editor.cc" line="59"/>
        <source>Naam:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../case_plan_editor.cc" line="60"/>
        <source>Rol in het netwerk:</source>
        <translation>Role in the network:</translation>
    </message>
    <message>
        <location filename="../case_plan_editor.cc" line="61"/>
        <source>Bereikbaar via:</source>
        <translation>Contact via:</translation>
    </message>
    <message>
        <location filename="../case_plan_editor.cc" line="64"/>
        <source>Wat het kind zei:</source>
        <translation>What the child said:</translation>
    </message>
    <message>
        <location filename="../case_plan_editor.cc" line="65"/>
        <source>Tegen wie:</source>
        <translation>Said to:</translation>
    </message>
    <message>
        <location filename="../case_plan_editor.cc" line="66"/>
        <source>Wanneer:</source>
        <translation>When:</translation>
    </message>
    <message>
        <location filename="../case_plan_editor.cc" line="68"/>
        <source>Het plan in woorden van het kind:</source>
        <translation>The plan in the child&apos;s words:</translation>
    </message>
    <message>
        <location filename="../case_plan_editor.cc" line="70"/>
        <source>Tekst:</source>
        <translation>Text:</translation>
    </message>
    <message>
        <location filename="../case_plan_editor.cc" line="153"/>
        <source>Kies een eigenaar uit het team</source>
        <translation>Choose an owner from the team</translation>
    </message>
    <message>
        <location filename="../case_plan_editor.cc" line="195"/>
        <source>Gevoeligheid van dit onderdeel</source>
        <translation>Sensitivity of this item</translation>
    </message>
    <message>
        <location filename="../case_plan_editor.cc" line="197"/>
        <source>Gevoeligheid:</source>
        <translation>Sensitivity:</translation>
    </message>
</context>
<context>
    <name>RecordMeetingDialog</name>
    <message>
        <location filename="../case_meeting_dialog.cc" line="54"/>
        <source>Besluit</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../case_meeting_dialog.cc" line="60"/>
        <source>Gevoeligheid van het besluit</source>
        <translation>Sensitivity of the decision</translation>
    </message>
    <message>
        <location filename="../case_meeting_dialog.cc" line="63"/>
        <source>Dit besluit maakt een &amp;actie</source>
        <translation>This decision creates an &amp;action</translation>
    </message>
    <message>
        <location filename="../case_meeting_dialog.cc" line="66"/>
        <source>Dit besluit maakt een actie</source>
        <translation>This decision creates an action</translation>
    </message>
    <message>
        <location filename="../case_meeting_dialog.cc" line="70"/>
        <source>Omschrijving van de actie</source>
        <translation>Description of the action</translation>
    </message>
    <message>
        <location filename="../case_meeting_dialog.cc" line="72"/>
        <source>Wat moet er gebeuren?</source>
        <translation>What needs to happen?</translation>
    </message>
    <message>
        <location filename="../case_meeting_dialog.cc" line="76"/>
        <source>Eigenaar van de actie (organisatie)</source>
        <translation>Owner of the action (organisation)</translation>
    </message>
    <message>
        <location filename="../case_meeting_dialog.cc" line="82"/>
        <source>Actie uiterlijk klaar op</source>
        <translation>Action to be completed by</translation>
    </message>
    <message>
        <location filename="../case_meeting_dialog.cc" line="86"/>
        <source>Gevoeligheid van de actie</source>
        <translation>Sensitivity of the action</translation>
    </message>
    <message>
        <location filename="../case_meeting_dialog.cc" line="100"/>
        <source>Besluit:</source>
        <translation>Decision:</translation>
    </message>
    <message>
        <location filename="../case_meeting_dialog.cc" line="101"/>
        <source>Gevoeligheid:</source>
        <translation>Sensitivity:</translation>
    </message>
    <message>
        <location filename="../case_meeting_dialog.cc" line="103"/>
        <source>Actie:</source>
        <translation>Action:</translation>
    </message>
    <message>
        <location filename="../case_meeting_dialog.cc" line="104"/>
        <source>Eigenaar:</source>
        <translation>Owner:</translation>
    </message>
    <message>
        <location filename="../case_meeting_dialog.cc" line="105"/>
        <source>Uiterlijk:</source>
        <translation>Due by:</translation>
    </message>
    <message>
        <location filename="../case_meeting_dialog.cc" line="106"/>
        <source>Gevoeligheid actie:</source>
        <translation>Action sensitivity:</translation>
    </message>
</context>
<context>
    <name>Supervision</name>
    <message>
        <location filename="../supervision_charts.cc" line="88"/>
        <source>Tijd tot acceptatie (uren)</source>
        <translation>Time to acceptance (hours)</translation>
    </message>
    <message>
        <location filename="../supervision_charts.cc" line="89"/>
        <source>Uren</source>
        <translation>Hours</translation>
    </message>
    <message>
        <location filename="../supervision_charts.cc" line="94"/>
        <source>Mediaan</source>
        <translation>Median</translation>
    </message>
    <message>
        <location filename="../supervision_charts.cc" line="95"/>
        <source>90% binnen</source>
        <translation>90% within</translation>
    </message>
    <message>
        <location filename="../supervision_charts.cc" line="105"/>
        <source>Overdrachten per organisatie</source>
        <translation>Handovers per organisation</translation>
    </message>
    <message>
        <location filename="../supervision_charts.cc" line="106"/>
        <source>Ontvangen</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../supervision_charts.cc" line="107"/>
        <location filename="../supervision_tables.cc" line="47"/>
        <source>Geaccepteerd</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../supervision_charts.cc" line="108"/>
        <location filename="../supervision_tables.cc" line="49"/>
        <source>Afgewezen</source>
        <translation>Declined</translation>
    </message>
    <message>
        <location filename="../supervision_charts.cc" line="109"/>
        <source>Te laat</source>
        <translation>Late</translation>
    </message>
    <message>
        <location filename="../supervision_tables.cc" line="45"/>
        <source>Voorgesteld (wacht op antwoord)</source>
        <translation>Proposed (awaiting response)</translation>
    </message>
    <message>
        <location filename="../supervision_tables.cc" line="51"/>
        <source>Ingetrokken</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../supervision_tables.cc" line="53"/>
        <source>Verlopen (niet op tijd geaccepteerd)</source>
        <translation>Expired (not accepted in time)</translation>
    </message>
    <message>
        <location filename="../supervision_tables.cc" line="55"/>
        <location filename="../supervision_tables.cc" line="66"/>
        <source>Onbekend</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../supervision_tables.cc" line="62"/>
        <source>Geen leidende organisatie</source>
        <translation>No lead organisation</translation>
    </message>
    <message>
        <location filename="../supervision_tables.cc" line="64"/>
        <source>Twee leidende organisaties</source>
        <translation>Two lead organisations</translation>
    </message>
    <message>
        <location filename="../supervision_tables.cc" line="71"/>
        <source>%1 uur</source>
        <translation>%1 hours</translation>
    </message>
    <message>
        <location filename="../supervision_tables.cc" line="79"/>
        <source>gehaald</source>
        <translation>met</translation>
    </message>
    <message>
        <location filename="../supervision_tables.cc" line="80"/>
        <source>niets gemeten</source>
        <translation>nothing measured</translation>
    </message>
    <message>
        <location filename="../supervision_tables.cc" line="81"/>
        <source>niet gehaald</source>
        <translation>not met</translation>
    </message>
    <message>
        <location filename="../supervision_tables.cc" line="91"/>
        <source>%1: %2 op tijd (%3 van %4; norm %5) — %6</source>
        <translation>%1: %2 on time (%3 of %4; target %5) — %6</translation>
    </message>
    <message>
        <location filename="../supervision_tables.cc" line="97"/>
        <source>Veiligheidsbeoordeling binnen 5 werkdagen</source>
        <translation>Safety assessment within 5 working days</translation>
    </message>
    <message>
        <location filename="../supervision_tables.cc" line="100"/>
        <source>Onderzoek afgerond binnen 10 weken</source>
        <translation>Investigation completed within 10 weeks</translation>
    </message>
    <message>
        <location filename="../supervision_tables.cc" line="121"/>
        <source>Casussen</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../supervision_tables.cc" line="122"/>
        <source>Open casussen</source>
        <translation>Open cases</translation>
    </message>
    <message>
        <location filename="../supervision_tables.cc" line="127"/>
        <source>Overdrachten: %1</source>
        <translation>Handovers: %1</translation>
    </message>
    <message>
        <location filename="../supervision_tables.cc" line="131"/>
        <source>Tijd tot acceptatie: mediaan</source>
        <translation>Time to acceptance: median</translation>
    </message>
    <message>
        <location filename="../supervision_tables.cc" line="134"/>
        <source>Tijd tot acceptatie: 90e percentiel</source>
        <translation>Time to acceptance: 90th percentile</translation>
    </message>
    <message>
        <location filename="../supervision_tables.cc" line="136"/>
        <source>Gaten</source>
        <translation>Gaps</translation>
    </message>
    <message>
        <location filename="../supervision_tables.cc" line="167"/>
        <source>duurt nog</source>
        <translation>ongoing</translation>
    </message>
    <message>
        <location filename="../supervision_tables.cc" line="199"/>
        <source>Meldingen en adviesvragen ontvangen</source>
        <translation>Reports and advice requests received</translation>
    </message>
    <message>
        <location filename="../supervision_tables.cc" line="201"/>
        <source>Nu te laat: veiligheidsbeoordelingen</source>
        <translation>Now overdue: safety assessments</translation>
    </message>
    <message>
        <location filename="../supervision_tables.cc" line="203"/>
        <source>Nu te laat: onderzoeken</source>
        <translation>Now overdue: investigations</translation>
    </message>
    <message>
        <location filename="../supervision_tables.cc" line="205"/>
        <source>Nu te laat: terugkoppelingen</source>
        <translation>Now overdue: feedback</translation>
    </message>
    <message>
        <location filename="../supervision_tables.cc" line="207"/>
        <source>Terugkoppeltaken</source>
        <translation>Feedback tasks</translation>
    </message>
    <message>
        <location filename="../supervision_tables.cc" line="209"/>
        <source>Terugkoppeling gegeven</source>
        <translation>Feedback given</translation>
    </message>
    <message>
        <location filename="../supervision_tables.cc" line="211"/>
        <source>Terugkoppeling op tijd gegeven</source>
        <translation>Feedback given on time</translation>
    </message>
    <message>
        <location filename="../supervision_tables.cc" line="213"/>
        <source>Terugkoppeling open en te laat</source>
        <translation>Feedback open and overdue</translation>
    </message>
    <message>
        <location filename="../supervision_tables.cc" line="243"/>
        <source>Advies</source>
        <translation>Advice</translation>
    </message>
    <message>
        <location filename="../supervision_tables.cc" line="244"/>
        <source>Melding</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../supervision_tables.cc" line="224"/>
        <source>blijft (blokkade)</source>
        <translation>kept (legal hold)</translation>
    </message>
    <message>
        <location filename="../supervision_tables.cc" line="226"/>
        <source>%1 (door %2)</source>
        <translation>%1 (by %2)</translation>
    </message>
</context>
<context>
    <name>SupervisionCsv</name>
    <message>
        <location filename="../supervision_csv.cc" line="62"/>
        <source>Het bestand %1 kon niet worden geopend: %2</source>
        <translation>The file %1 could not be opened: %2</translation>
    </message>
    <message>
        <location filename="../supervision_csv.cc" line="68"/>
        <source>Het bestand %1 kon niet worden geschreven: %2</source>
        <translation>The file %1 could not be written: %2</translation>
    </message>
</context>
<context>
    <name>TriageSignalsPanel</name>
    <message>
        <location filename="../triage_signals.cc" line="25"/>
        <source>Acuut (24 uur)</source>
        <translation>Acute (24 hours)</translation>
    </message>
    <message>
        <location filename="../triage_signals.cc" line="27"/>
        <source>Veiligheidsbeoordeling (5 werkdagen)</source>
        <translation>Safety assessment (5 working days)</translation>
    </message>
    <message>
        <location filename="../triage_signals.cc" line="30"/>
        <source>Onderzoek (10 weken)</source>
        <translation>Investigation (10 weeks)</translation>
    </message>
    <message>
        <location filename="../triage_signals.cc" line="32"/>
        <source>Terugkoppeling aan de melder</source>
        <translation>Feedback to the reporter</translation>
    </message>
    <message>
        <location filename="../triage_signals.cc" line="34"/>
        <source>Terugkoppeling na onderzoek</source>
        <translation>Feedback after investigation</translation>
    </message>
    <message>
        <location filename="../triage_signals.cc" line="35"/>
        <source>Overdracht</source>
        <translation>Handover</translation>
    </message>
    <message>
        <location filename="../triage_signals.cc" line="40"/>
        <source>Herinnering</source>
        <translation>Reminder</translation>
    </message>
    <message>
        <location filename="../triage_signals.cc" line="41"/>
        <source>Escalatie</source>
        <translation>Escalation</translation>
    </message>
</context>
<context>
    <name>TriageText</name>
    <message>
        <location filename="../triage_text.cc" line="11"/>
        <source>Advies</source>
        <translation>Advice</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="13"/>
        <source>Melding</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="15"/>
        <location filename="../triage_text.cc" line="30"/>
        <location filename="../triage_text.cc" line="43"/>
        <location filename="../triage_text.cc" line="58"/>
        <location filename="../triage_text.cc" line="71"/>
        <location filename="../triage_text.cc" line="102"/>
        <location filename="../triage_text.cc" line="169"/>
        <location filename="../triage_text.cc" line="180"/>
        <location filename="../triage_text.cc" line="235"/>
        <source>Onbekend</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="22"/>
        <source>Telefoon</source>
        <translation>Telephone</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="24"/>
        <source>Beveiligde mail</source>
        <translation>Secure email</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="26"/>
        <source>Webformulier</source>
        <translation>Web form</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="28"/>
        <source>Politie (zorgmelding)</source>
        <translation>Police (care report)</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="37"/>
        <source>Professional</source>
        <translation>Professional</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="39"/>
        <source>Burger</source>
        <translation>Member of the public</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="41"/>
        <source>Politie</source>
        <translation>Police</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="50"/>
        <source>Slachtoffer</source>
        <translation>Victim</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="52"/>
        <source>Vermoedelijke pleger</source>
        <translation>Suspected perpetrator</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="54"/>
        <source>Kind</source>
        <translation>Child</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="56"/>
        <source>Gezinslid</source>
        <translation>Family member</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="65"/>
        <source>Open (wacht op veiligheidsbeoordeling)</source>
        <translation>Open (awaiting safety assessment)</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="67"/>
        <source>Beoordeeld</source>
        <translation>Assessed</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="69"/>
        <source>Gesloten</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="78"/>
        <source>Partnergeweld</source>
        <translation>Partner violence</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="80"/>
        <source>Lichamelijke kindermishandeling</source>
        <translation>Physical child abuse</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="82"/>
        <source>Psychische kindermishandeling</source>
        <translation>Psychological child abuse</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="84"/>
        <source>Seksueel misbruik van een kind</source>
        <translation>Sexual abuse of a child</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="86"/>
        <source>Verwaarlozing</source>
        <translation>Neglect</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="88"/>
        <source>Getuige van partnergeweld</source>
        <translation>Witnessing partner violence</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="90"/>
        <source>Ouderenmishandeling</source>
        <translation>Elder abuse</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="92"/>
        <source>Eergerelateerd geweld</source>
        <translation>Honour-related violence</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="94"/>
        <source>Mensenhandel</source>
        <translation>Human trafficking</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="96"/>
        <source>Seksueel geweld</source>
        <translation>Sexual violence</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="98"/>
        <source>Vrouwelijke genitale verminking</source>
        <translation>Female genital mutilation</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="100"/>
        <source>Complexe scheiding</source>
        <translation>Complex divorce</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="115"/>
        <source>Einde bemoeienis (terug naar het gezin)</source>
        <translation>End of involvement (back to the family)</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="117"/>
        <location filename="../triage_text.cc" line="212"/>
        <source>Overdracht (lokaal team of bestaande hulp)</source>
        <translation>Handover (local team or existing help)</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="120"/>
        <location filename="../triage_text.cc" line="215"/>
        <source>Voorwaarden en vervolg</source>
        <translation>Conditions and follow-up</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="122"/>
        <source>Onderzoek door Veilig Thuis</source>
        <translation>Investigation by Veilig Thuis</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="124"/>
        <location filename="../triage_text.cc" line="217"/>
        <source>MDA++</source>
        <translation>MDA++</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="126"/>
        <source>— kies een route —</source>
        <translation>— choose a route —</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="133"/>
        <source>RiHG</source>
        <translation>RiHG</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="135"/>
        <source>LIRIK</source>
        <translation>LIRIK</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="137"/>
        <source>ARIJ</source>
        <translation>ARIJ</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="139"/>
        <source>CARE-NL</source>
        <translation>CARE-NL</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="141"/>
        <source>B-SAFER</source>
        <translation>B-SAFER</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="143"/>
        <source>Geen instrument</source>
        <translation>No instrument</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="150"/>
        <source>Telefonisch</source>
        <translation>By phone</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="152"/>
        <source>Per mail</source>
        <translation>By email</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="154"/>
        <source>Per brief</source>
        <translation>By letter</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="156"/>
        <source>Persoonlijk</source>
        <translation>In person</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="158"/>
        <source>— kies hoe —</source>
        <translation>— choose how —</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="165"/>
        <source>Volledig</source>
        <translation>Full</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="167"/>
        <source>Beperkt (alleen of er vervolg is)</source>
        <translation>Limited (only whether there is follow-up)</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="176"/>
        <source>Na de veiligheidsbeoordeling</source>
        <translation>After the safety assessment</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="178"/>
        <source>Na het onderzoek</source>
        <translation>After the investigation</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="185"/>
        <source>BSN</source>
        <translation>BSN</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="187"/>
        <source>naam en geboortedatum</source>
        <translation>name and date of birth</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="189"/>
        <source>naam (gelijkend) en geboortedatum</source>
        <translation>name (similar) and date of birth</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="190"/>
        <source>adres</source>
        <translation>address</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="203"/>
        <source>%1 d %2</source>
        <translation>%1 d %2</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="204"/>
        <source>te laat %1</source>
        <translation>overdue by %1</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="210"/>
        <source>Einde bemoeienis</source>
        <translation>End of involvement</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="219"/>
        <source>Verzoek tot onderzoek Raad voor de Kinderbescherming</source>
        <translation>Request for investigation by the Child Protection Board</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="222"/>
        <source>— kies het vervolg —</source>
        <translation>— choose the follow-up —</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="229"/>
        <source>Wacht op antwoord</source>
        <translation>Awaiting answer</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="231"/>
        <source>Geaccepteerd</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../triage_text.cc" line="233"/>
        <source>Geweigerd</source>
        <translation>Denied</translation>
    </message>
</context>
<context>
    <name>View</name>
    <message>
        <location filename="../views.cc" line="43"/>
        <source>Triage</source>
        <translation>Triage</translation>
    </message>
    <message>
        <location filename="../views.cc" line="45"/>
        <source>Mijn casussen</source>
        <translation>My cases</translation>
    </message>
    <message>
        <location filename="../views.cc" line="47"/>
        <source>Inbox</source>
        <translation>Inbox</translation>
    </message>
    <message>
        <location filename="../views.cc" line="49"/>
        <source>Overgedragen meldingen</source>
        <translation>Handed-over reports</translation>
    </message>
    <message>
        <location filename="../views.cc" line="51"/>
        <source>Toezicht</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <location filename="../views.cc" line="53"/>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::AcceptHandoverDialog</name>
    <message>
        <location filename="../handover_dialogs.cc" line="159"/>
        <source>Overdracht accepteren</source>
        <translation>Accept handover</translation>
    </message>
    <message>
        <location filename="../handover_dialogs.cc" line="160"/>
        <source>&amp;Accepteren</source>
        <translation>&amp;Accept</translation>
    </message>
    <message>
        <location filename="../handover_dialogs.cc" line="164"/>
        <source>Werkdagen tot het eerste contact</source>
        <translation>Working days until first contact</translation>
    </message>
    <message>
        <location filename="../handover_dialogs.cc" line="166"/>
        <source>standaard</source>
        <translation>default</translation>
    </message>
    <message>
        <location filename="../handover_dialogs.cc" line="169"/>
        <source>Wie de regie voert</source>
        <translation>Who holds lead responsibility</translation>
    </message>
    <message>
        <location filename="../handover_dialogs.cc" line="170"/>
        <source>Ikzelf</source>
        <translation>Myself</translation>
    </message>
    <message>
        <location filename="../handover_dialogs.cc" line="171"/>
        <source>&amp;Eerste contact binnen (werkdagen):</source>
        <translation>&amp;First contact within (working days):</translation>
    </message>
    <message>
        <location filename="../handover_dialogs.cc" line="172"/>
        <source>&amp;Regie bij:</source>
        <translation>&amp;Lead responsibility with:</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::AddTeamMemberDialog</name>
    <message>
        <location filename="../case_team_dialogs.cc" line="94"/>
        <source>Teamlid toevoegen</source>
        <translation>Add team member</translation>
    </message>
    <message>
        <location filename="../case_team_dialogs.cc" line="95"/>
        <source>&amp;Toevoegen</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <location filename="../case_team_dialogs.cc" line="97"/>
        <source>Organisatie</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../case_team_dialogs.cc" line="98"/>
        <source>Organisaties laden…</source>
        <translation>Loading organisations…</translation>
    </message>
    <message>
        <location filename="../case_team_dialogs.cc" line="99"/>
        <source>Professional</source>
        <translation>Professional</translation>
    </message>
    <message>
        <location filename="../case_team_dialogs.cc" line="100"/>
        <source>Rol in de casus</source>
        <translation>Role in the case</translation>
    </message>
    <message>
        <location filename="../case_team_dialogs.cc" line="104"/>
        <source>&amp;Organisatie:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <location filename="../case_team_dialogs.cc" line="105"/>
        <source>&amp;Professional:</source>
        <translation>&amp;Professional:</translation>
    </message>
    <message>
        <location filename="../case_team_dialogs.cc" line="106"/>
        <source>&amp;Rol in de casus:</source>
        <translation>&amp;Role in the case:</translation>
    </message>
    <message>
        <location filename="../case_team_dialogs.cc" line="125"/>
        <source>(organisaties niet beschikbaar)</source>
        <translation>(organisations not available)</translation>
    </message>
    <message>
        <location filename="../case_team_dialogs.cc" line="127"/>
        <source>De organisaties konden niet worden gelezen: %1</source>
        <translation>The organisations could not be read: %1</translation>
    </message>
    <message>
        <location filename="../case_team_dialogs.cc" line="132"/>
        <source>— kies een organisatie —</source>
        <translation>— choose an organisation —</translation>
    </message>
    <message>
        <location filename="../case_team_dialogs.cc" line="149"/>
        <source>Professionals laden…</source>
        <translation>Loading professionals…</translation>
    </message>
    <message>
        <location filename="../case_team_dialogs.cc" line="160"/>
        <source>De professionals konden niet worden gelezen: %1</source>
        <translation>The professionals could not be read: %1</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::AnswerHandedReportDialog</name>
    <message>
        <location filename="../triage_handed.cc" line="274"/>
        <source>Overgedragen melding beantwoorden</source>
        <translation>Answer handed-over report</translation>
    </message>
    <message>
        <location filename="../triage_handed.cc" line="274"/>
        <source>&amp;Versturen</source>
        <translation>&amp;Send</translation>
    </message>
    <message>
        <location filename="../triage_handed.cc" line="278"/>
        <source>Melding %1 van %2, beoordeeld door %3.</source>
        <translation>Report %1 from %2, assessed by %3.</translation>
    </message>
    <message>
        <location filename="../triage_handed.cc" line="287"/>
        <source>&amp;Accepteren: wij nemen de melding over</source>
        <translation>&amp;Accept: we take over the report</translation>
    </message>
    <message>
        <location filename="../triage_handed.cc" line="289"/>
        <source>Accepteren</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../triage_handed.cc" line="290"/>
        <source>&amp;Weigeren: terug naar Veilig Thuis</source>
        <translation>&amp;Decline: back to Veilig Thuis</translation>
    </message>
    <message>
        <location filename="../triage_handed.cc" line="292"/>
        <source>Weigeren</source>
        <translation>Decline</translation>
    </message>
    <message>
        <location filename="../triage_handed.cc" line="299"/>
        <source>Reden van weigeren</source>
        <translation>Reason for declining</translation>
    </message>
    <message>
        <location filename="../triage_handed.cc" line="306"/>
        <source>&amp;Reden (bij weigeren verplicht):</source>
        <translation>&amp;Reason (required when declining):</translation>
    </message>
    <message>
        <location filename="../triage_handed.cc" line="333"/>
        <source>Deze overdracht is al beantwoord.</source>
        <translation>This handover has already been answered.</translation>
    </message>
    <message>
        <location filename="../triage_handed.cc" line="336"/>
        <source>U mag deze overdracht niet beantwoorden, of de melding bestaat niet.</source>
        <translation>You may not answer this handover, or the report does not exist.</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::AuditExportPanel</name>
    <message>
        <location filename="../audit_export_panel.cc" line="87"/>
        <location filename="../audit_export_panel.cc" line="104"/>
        <source>Auditlog exporteren</source>
        <translation>Export audit log</translation>
    </message>
    <message>
        <location filename="../audit_export_panel.cc" line="89"/>
        <source>Schrijft een nieuw ondertekend controlepunt en alle vermeldingen tot daaraan naar een bestand, voor controle buiten Schakel. De export wordt vastgelegd in het auditlog.</source>
        <translation>Writes a new signed checkpoint and all entries up to it to a file, for verification outside Schakel. The export is recorded in the audit log.</translation>
    </message>
    <message>
        <location filename="../audit_export_panel.cc" line="93"/>
        <source>Exportbestand</source>
        <translation>Export file</translation>
    </message>
    <message>
        <location filename="../audit_export_panel.cc" line="94"/>
        <source>&amp;Bestand:</source>
        <translation>&amp;File:</translation>
    </message>
    <message>
        <location filename="../audit_export_panel.cc" line="97"/>
        <location filename="../audit_export_panel.cc" line="137"/>
        <source>Bladeren…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../audit_export_panel.cc" line="97"/>
        <source>Exportbestand kiezen</source>
        <translation>Choose export file</translation>
    </message>
    <message>
        <location filename="../audit_export_panel.cc" line="100"/>
        <source>Export opslaan</source>
        <translation>Save export</translation>
    </message>
    <message>
        <location filename="../audit_export_panel.cc" line="101"/>
        <location filename="../audit_export_panel.cc" line="141"/>
        <source>Export van het auditlog (*.auditexport);;Alle bestanden (*)</source>
        <translation>Audit log export (*.auditexport);;All files (*)</translation>
    </message>
    <message>
        <location filename="../audit_export_panel.cc" line="104"/>
        <source>&amp;Exporteren</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <location filename="../audit_export_panel.cc" line="105"/>
        <source>&amp;Annuleren</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location filename="../audit_export_panel.cc" line="105"/>
        <source>Export annuleren</source>
        <translation>Cancel export</translation>
    </message>
    <message>
        <location filename="../audit_export_panel.cc" line="109"/>
        <source>Voortgang van de export</source>
        <translation>Export progress</translation>
    </message>
    <message>
        <location filename="../audit_export_panel.cc" line="126"/>
        <source>Export controleren</source>
        <translation>Verify export</translation>
    </message>
    <message>
        <location filename="../audit_export_panel.cc" line="128"/>
        <source>Controleert een exportbestand zonder de server: de handtekening van het controlepunt met de verificatiesleutel, en dat alle vermeldingen samen de ondertekende wortel opleveren.</source>
        <translation>Verifies an export file without the server: the checkpoint signature against the verification key, and that all entries together produce the signed root.</translation>
    </message>
    <message>
        <location filename="../audit_export_panel.cc" line="133"/>
        <source>Te controleren exportbestand</source>
        <translation>Export file to verify</translation>
    </message>
    <message>
        <location filename="../audit_export_panel.cc" line="134"/>
        <source>B&amp;estand:</source>
        <translation>F&amp;ile:</translation>
    </message>
    <message>
        <location filename="../audit_export_panel.cc" line="137"/>
        <source>Te controleren bestand kiezen</source>
        <translation>Choose file to verify</translation>
    </message>
    <message>
        <location filename="../audit_export_panel.cc" line="140"/>
        <source>Export kiezen</source>
        <translation>Choose export</translation>
    </message>
    <message>
        <location filename="../audit_export_panel.cc" line="145"/>
        <source>Export &amp;controleren</source>
        <translation>&amp;Verify export</translation>
    </message>
    <message>
        <location filename="../audit_export_panel.cc" line="145"/>
        <source>Exportbestand controleren</source>
        <translation>Verify export file</translation>
    </message>
    <message>
        <location filename="../audit_export_panel.cc" line="146"/>
        <source>Controle a&amp;fbreken</source>
        <translation>&amp;Abort verification</translation>
    </message>
    <message>
        <location filename="../audit_export_panel.cc" line="147"/>
        <source>Controle van de export afbreken</source>
        <translation>Abort verification of the export</translation>
    </message>
    <message>
        <location filename="../audit_export_panel.cc" line="151"/>
        <source>Voortgang van de controle</source>
        <translation>Verification progress</translation>
    </message>
    <message>
        <location filename="../audit_export_panel.cc" line="191"/>
        <source>Kies eerst het bestand waarin de export komt.</source>
        <translation>First choose the file for the export.</translation>
    </message>
    <message>
        <location filename="../audit_export_panel.cc" line="202"/>
        <source>Exporteren…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../audit_export_panel.cc" line="224"/>
        <source>Export geannuleerd; er is geen bestand achtergelaten.</source>
        <translation>Export cancelled; no file has been left behind.</translation>
    </message>
    <message>
        <location filename="../audit_export_panel.cc" line="230"/>
        <location filename="../audit_export_panel.cc" line="244"/>
        <source>Het bestand %1 kan niet worden geschreven.</source>
        <translation>The file %1 cannot be written.</translation>
    </message>
    <message>
        <location filename="../audit_export_panel.cc" line="236"/>
        <source>Export mislukt: %1</source>
        <translation>Export failed: %1</translation>
    </message>
    <message>
        <location filename="../audit_export_panel.cc" line="249"/>
        <source>Export opgeslagen: %1 vermeldingen in %2.</source>
        <translation>Export saved: %1 entries in %2.</translation>
    </message>
    <message>
        <location filename="../audit_export_panel.cc" line="259"/>
        <source>Export wordt geannuleerd…</source>
        <translation>Cancelling export…</translation>
    </message>
    <message>
        <location filename="../audit_export_panel.cc" line="270"/>
        <source>Kies eerst het exportbestand dat u wilt controleren.</source>
        <translation>First choose the export file you want to verify.</translation>
    </message>
    <message>
        <location filename="../audit_export_panel.cc" line="276"/>
        <source>Vul eerst een geldige verificatiesleutel in.</source>
        <translation>First enter a valid verification key.</translation>
    </message>
    <message>
        <location filename="../audit_export_panel.cc" line="287"/>
        <source>Controleren…</source>
        <translation>Verifying…</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::AuditPersonPanel</name>
    <message>
        <location filename="../audit_person_panel.cc" line="72"/>
        <source>Het chronologische overzicht (NEN 7513) van wie het dossier van een cliënt heeft ingezien of gewijzigd: wanneer, van welke organisatie, welke handeling en op welke grond.</source>
        <translation>The chronological overview (NEN 7513) of who has viewed or changed a client&apos;s file: when, from which organisation, what action and on what grounds.</translation>
    </message>
    <message>
        <location filename="../audit_person_panel.cc" line="80"/>
        <source>Persoon-id van de cliënt</source>
        <translation>Client&apos;s person ID</translation>
    </message>
    <message>
        <location filename="../audit_person_panel.cc" line="81"/>
        <source>het id van de persoon in de casus</source>
        <translation>the ID of the person in the case</translation>
    </message>
    <message>
        <location filename="../audit_person_panel.cc" line="85"/>
        <source>Doel van de raadpleging</source>
        <translation>Purpose of the query</translation>
    </message>
    <message>
        <location filename="../audit_person_panel.cc" line="86"/>
        <source>bijvoorbeeld: inzageverzoek van de cliënt (verplicht)</source>
        <translation>for example: the client&apos;s request for access (required)</translation>
    </message>
    <message>
        <location filename="../audit_person_panel.cc" line="89"/>
        <source>&amp;Persoon:</source>
        <translation>&amp;Person:</translation>
    </message>
    <message>
        <location filename="../audit_person_panel.cc" line="92"/>
        <source>&amp;Doel:</source>
        <translation>P&amp;urpose:</translation>
    </message>
    <message>
        <location filename="../audit_person_panel.cc" line="96"/>
        <source>&amp;Overzicht tonen</source>
        <translation>&amp;Show overview</translation>
    </message>
    <message>
        <location filename="../audit_person_panel.cc" line="98"/>
        <source>Overzicht tonen van wie dit dossier heeft bekeken</source>
        <translation>Show an overview of who has viewed this file</translation>
    </message>
    <message>
        <location filename="../audit_person_panel.cc" line="108"/>
        <source>Wie heeft dit dossier bekeken</source>
        <translation>Who has viewed this file</translation>
    </message>
    <message>
        <location filename="../audit_person_panel.cc" line="110"/>
        <source>Wanneer</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../audit_person_panel.cc" line="110"/>
        <source>Wie</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../audit_person_panel.cc" line="110"/>
        <source>Organisatie</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../audit_person_panel.cc" line="110"/>
        <source>Handeling</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../audit_person_panel.cc" line="110"/>
        <source>Grond</source>
        <translation>Grounds</translation>
    </message>
    <message>
        <location filename="../audit_person_panel.cc" line="143"/>
        <source>Vul het id van de persoon in; er is niets gevraagd.</source>
        <translation>Enter the person&apos;s ID; nothing has been requested.</translation>
    </message>
    <message>
        <location filename="../audit_person_panel.cc" line="147"/>
        <source>Vul eerst het doel van uw raadpleging in; er is niets gevraagd.</source>
        <translation>First enter the purpose of your query; nothing has been requested.</translation>
    </message>
    <message>
        <location filename="../audit_person_panel.cc" line="155"/>
        <source>Overzicht laden…</source>
        <translation>Loading overview…</translation>
    </message>
    <message>
        <location filename="../audit_person_panel.cc" line="178"/>
        <source>Niemand heeft dit dossier bekeken of gewijzigd, voor zover het auditlog het vastlegde.</source>
        <translation>Nobody has viewed or changed this file, as far as the audit log has recorded.</translation>
    </message>
    <message>
        <location filename="../audit_person_panel.cc" line="180"/>
        <source>%1 vermeldingen, de oudste eerst.</source>
        <translation>%1 entries, oldest first.</translation>
    </message>
    <message>
        <location filename="../audit_person_panel.cc" line="182"/>
        <source>%1 vermeldingen zijn niet meer leesbaar: de sleutel van hun periode is vernietigd.</source>
        <translation>%1 entries are no longer readable: the key for their period has been destroyed.</translation>
    </message>
    <message>
        <location filename="../audit_person_panel.cc" line="186"/>
        <source>Alleen de eerste vermeldingen zijn getoond.</source>
        <translation>Only the first entries are shown.</translation>
    </message>
    <message>
        <location filename="../audit_person_panel.cc" line="187"/>
        <source>Uw raadpleging is vastgelegd met uw doel.</source>
        <translation>Your query has been recorded with your purpose.</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::AuditQueryPanel</name>
    <message>
        <location filename="../audit_query_panel.cc" line="53"/>
        <source>Doel van de raadpleging</source>
        <translation>Purpose of the query</translation>
    </message>
    <message>
        <location filename="../audit_query_panel.cc" line="55"/>
        <source>Waarom raadpleegt u het auditlog? (verplicht, wordt vastgelegd)</source>
        <translation>Why are you consulting the audit log? (required, will be recorded)</translation>
    </message>
    <message>
        <location filename="../audit_query_panel.cc" line="57"/>
        <source>Casus, melding of persoon</source>
        <translation>Case, report or person</translation>
    </message>
    <message>
        <location filename="../audit_query_panel.cc" line="58"/>
        <source>id van een casus, melding, plan, overdracht of persoon</source>
        <translation>ID of a case, report, plan, handover or person</translation>
    </message>
    <message>
        <location filename="../audit_query_panel.cc" line="59"/>
        <source>Wie handelde (gebruikers-id)</source>
        <translation>Who acted (user ID)</translation>
    </message>
    <message>
        <location filename="../audit_query_panel.cc" line="60"/>
        <location filename="../audit_query_panel.cc" line="127"/>
        <source>Organisatie</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../audit_query_panel.cc" line="61"/>
        <source>Soort gebeurtenis</source>
        <translation>Event type</translation>
    </message>
    <message>
        <location filename="../audit_query_panel.cc" line="62"/>
        <source>bijvoorbeeld case.read</source>
        <translation>for example case.read</translation>
    </message>
    <message>
        <location filename="../audit_query_panel.cc" line="64"/>
        <source>&amp;Periode</source>
        <translation>Per&amp;iod</translation>
    </message>
    <message>
        <location filename="../audit_query_panel.cc" line="66"/>
        <source>Alleen binnen een periode zoeken</source>
        <translation>Search only within a period</translation>
    </message>
    <message>
        <location filename="../audit_query_panel.cc" line="70"/>
        <source>Periode vanaf</source>
        <translation>Period from</translation>
    </message>
    <message>
        <location filename="../audit_query_panel.cc" line="73"/>
        <source>Periode tot en met</source>
        <translation>Period up to and including</translation>
    </message>
    <message>
        <location filename="../audit_query_panel.cc" line="84"/>
        <source>t/m</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../audit_query_panel.cc" line="89"/>
        <source>&amp;Doel:</source>
        <translation>&amp;Purpose:</translation>
    </message>
    <message>
        <location filename="../audit_query_panel.cc" line="92"/>
        <source>&amp;Casus, melding of persoon:</source>
        <translation>&amp;Case, report or person:</translation>
    </message>
    <message>
        <location filename="../audit_query_panel.cc" line="95"/>
        <source>&amp;Wie:</source>
        <translation>&amp;Who:</translation>
    </message>
    <message>
        <location filename="../audit_query_panel.cc" line="98"/>
        <source>&amp;Organisatie:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <location filename="../audit_query_panel.cc" line="101"/>
        <source>Soort &amp;gebeurtenis:</source>
        <translation>Event &amp;type:</translation>
    </message>
    <message>
        <location filename="../audit_query_panel.cc" line="106"/>
        <source>&amp;Zoeken</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <location filename="../audit_query_panel.cc" line="108"/>
        <source>Zoeken in het auditlog</source>
        <translation>Search the audit log</translation>
    </message>
    <message>
        <location filename="../audit_query_panel.cc" line="110"/>
        <source>&amp;Vorige pagina</source>
        <translation>P&amp;revious page</translation>
    </message>
    <message>
        <location filename="../audit_query_panel.cc" line="112"/>
        <source>V&amp;olgende pagina</source>
        <translation>&amp;Next page</translation>
    </message>
    <message>
        <location filename="../audit_query_panel.cc" line="126"/>
        <source>Vermeldingen in het auditlog</source>
        <translation>Audit log entries</translation>
    </message>
    <message>
        <location filename="../audit_query_panel.cc" line="127"/>
        <source>Tijdstip</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../audit_query_panel.cc" line="127"/>
        <source>Wie</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../audit_query_panel.cc" line="127"/>
        <source>Handeling</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../audit_query_panel.cc" line="128"/>
        <source>Onderwerp</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../audit_query_panel.cc" line="128"/>
        <source>Uitkomst</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../audit_query_panel.cc" line="140"/>
        <source>Vermelding &amp;verifiëren</source>
        <translation>&amp;Verify entry</translation>
    </message>
    <message>
        <location filename="../audit_query_panel.cc" line="143"/>
        <source>De gekozen vermelding verifiëren: inclusiebewijs en ondertekend controlepunt</source>
        <translation>Verify the selected entry: inclusion proof and signed checkpoint</translation>
    </message>
    <message>
        <location filename="../audit_query_panel.cc" line="194"/>
        <source>Vul eerst het doel van uw raadpleging in; er is niets gevraagd.</source>
        <translation>First enter the purpose of your query; nothing has been requested.</translation>
    </message>
    <message>
        <location filename="../audit_query_panel.cc" line="226"/>
        <source>Zoeken…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../audit_query_panel.cc" line="267"/>
        <source>Geen vermeldingen gevonden. Uw raadpleging is vastgelegd met uw doel.</source>
        <translation>No entries found. Your query has been recorded with your purpose.</translation>
    </message>
    <message>
        <location filename="../audit_query_panel.cc" line="268"/>
        <source>Pagina %1: %2 vermeldingen%3. Uw raadpleging is vastgelegd met uw doel.</source>
        <translation>Page %1: %2 entries%3. Your query has been recorded with your purpose.</translation>
    </message>
    <message>
        <location filename="../audit_query_panel.cc" line="271"/>
        <source> (er zijn er meer)</source>
        <translation> (there are more)</translation>
    </message>
    <message>
        <location filename="../audit_query_panel.cc" line="284"/>
        <source>Vul eerst een geldige verificatiesleutel in.</source>
        <translation>First enter a valid verification key.</translation>
    </message>
    <message>
        <location filename="../audit_query_panel.cc" line="292"/>
        <source>Vermelding %1 wordt geverifieerd…</source>
        <translation>Verifying entry %1…</translation>
    </message>
    <message>
        <location filename="../audit_query_panel.cc" line="302"/>
        <source>Niet geverifieerd: %1</source>
        <translation>Not verified: %1</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::AuditView</name>
    <message>
        <location filename="../audit_view.cc" line="33"/>
        <source>&lt;h2&gt;Audit&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Audit&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../audit_view.cc" line="37"/>
        <source>Verificatiesleutel van het auditlog</source>
        <translation>Audit log verification key</translation>
    </message>
    <message>
        <location filename="../audit_view.cc" line="38"/>
        <source>naam+sleutel-id+sleutel, van de beheerder van het auditlog</source>
        <translation>name+key-id+key, from the audit log administrator</translation>
    </message>
    <message>
        <location filename="../audit_view.cc" line="41"/>
        <source>&amp;Verificatiesleutel:</source>
        <translation>&amp;Verification key:</translation>
    </message>
    <message>
        <location filename="../audit_view.cc" line="50"/>
        <source>Deze sleutel wordt onthouden voor %1.</source>
        <translation>This key will be remembered for %1.</translation>
    </message>
    <message>
        <location filename="../audit_view.cc" line="58"/>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <location filename="../audit_view.cc" line="62"/>
        <source>&amp;Zoeken in het auditlog</source>
        <translation>&amp;Search the audit log</translation>
    </message>
    <message>
        <location filename="../audit_view.cc" line="63"/>
        <source>Wie heeft dit &amp;dossier bekeken</source>
        <translation>Who has viewed this &amp;file</translation>
    </message>
    <message>
        <location filename="../audit_view.cc" line="64"/>
        <source>E&amp;xport</source>
        <translation>E&amp;xport</translation>
    </message>
    <message>
        <location filename="../audit_view.cc" line="86"/>
        <source>De verificatiesleutel van de server wordt opgehaald…</source>
        <translation>Fetching the verification key from the server…</translation>
    </message>
    <message>
        <location filename="../audit_view.cc" line="98"/>
        <source>De verificatiesleutel kon niet worden opgehaald: %1</source>
        <translation>The verification key could not be fetched: %1</translation>
    </message>
    <message>
        <location filename="../audit_view.cc" line="110"/>
        <source>Sleutel van de server overgenomen bij eerste gebruik en onthouden. Vergelijk hem met de sleutel die de beheerder van het auditlog publiceert: alleen dan bewijst een controle dat niemand het log heeft vervalst.</source>
        <translation>Key taken from the server on first use and remembered. Compare it with the key published by the audit log administrator: only then does a verification prove that nobody has forged the log.</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::CaseEditDialog</name>
    <message>
        <location filename="../case_family_dialogs.cc" line="129"/>
        <source>Iemand anders heeft de casus intussen gewijzigd.</source>
        <translation>Someone else has changed the case in the meantime.</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::CaseFamilyTab</name>
    <message>
        <location filename="../case_family_tab.cc" line="59"/>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../case_family_tab.cc" line="59"/>
        <source>Rol</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../case_family_tab.cc" line="59"/>
        <source>Geboortedatum</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../case_family_tab.cc" line="59"/>
        <source>BSN</source>
        <translation>BSN</translation>
    </message>
    <message>
        <location filename="../case_family_tab.cc" line="59"/>
        <source>Notities</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../case_family_tab.cc" line="60"/>
        <source>Personen</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../case_family_tab.cc" line="61"/>
        <source>Van</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../case_family_tab.cc" line="61"/>
        <source>Relatie</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <location filename="../case_family_tab.cc" line="61"/>
        <source>Naar</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../case_family_tab.cc" line="62"/>
        <source>Relaties</source>
        <translation>Relationships</translation>
    </message>
    <message>
        <location filename="../case_family_tab.cc" line="67"/>
        <source>Gezinsdiagram</source>
        <translation>Family diagram</translation>
    </message>
    <message>
        <location filename="../case_family_tab.cc" line="69"/>
        <source>Een vak per persoon en een lijn per relatie; dezelfde gegevens staan in de tabellen.</source>
        <translation>One box per person and one line per relationship; the same data is in the tables.</translation>
    </message>
    <message>
        <location filename="../case_family_tab.cc" line="76"/>
        <source>Per&amp;sonen</source>
        <translation>&amp;People</translation>
    </message>
    <message>
        <location filename="../case_family_tab.cc" line="78"/>
        <source>Re&amp;laties</source>
        <translation>Re&amp;lationships</translation>
    </message>
    <message>
        <location filename="../case_family_tab.cc" line="95"/>
        <source>Persoon toevo&amp;egen</source>
        <translation>&amp;Add person</translation>
    </message>
    <message>
        <location filename="../case_family_tab.cc" line="96"/>
        <source>Persoon toevoegen aan het gezinssysteem</source>
        <translation>Add a person to the family system</translation>
    </message>
    <message>
        <location filename="../case_family_tab.cc" line="97"/>
        <source>Persoon &amp;wijzigen</source>
        <translation>&amp;Edit person</translation>
    </message>
    <message>
        <location filename="../case_family_tab.cc" line="98"/>
        <source>Geselecteerde persoon wijzigen</source>
        <translation>Edit the selected person</translation>
    </message>
    <message>
        <location filename="../case_family_tab.cc" line="99"/>
        <source>Persoon verwij&amp;deren</source>
        <translation>&amp;Remove person</translation>
    </message>
    <message>
        <location filename="../case_family_tab.cc" line="100"/>
        <source>Geselecteerde persoon verwijderen</source>
        <translation>Remove the selected person</translation>
    </message>
    <message>
        <location filename="../case_family_tab.cc" line="101"/>
        <source>Rel&amp;atie toevoegen</source>
        <translation>Add relations&amp;hip</translation>
    </message>
    <message>
        <location filename="../case_family_tab.cc" line="102"/>
        <source>Relatie tussen twee personen toevoegen</source>
        <translation>Add a relationship between two people</translation>
    </message>
    <message>
        <location filename="../case_family_tab.cc" line="103"/>
        <source>Relatie &amp;verwijderen</source>
        <translation>Remo&amp;ve relationship</translation>
    </message>
    <message>
        <location filename="../case_family_tab.cc" line="104"/>
        <source>Geselecteerde relatie verwijderen</source>
        <translation>Remove the selected relationship</translation>
    </message>
    <message>
        <location filename="../case_family_tab.cc" line="170"/>
        <location filename="../case_family_tab.cc" line="255"/>
        <source>(onbekende persoon)</source>
        <translation>(unknown person)</translation>
    </message>
    <message>
        <location filename="../case_family_tab.cc" line="271"/>
        <source>Persoon toevoegen…</source>
        <translation>Add person…</translation>
    </message>
    <message>
        <location filename="../case_family_tab.cc" line="272"/>
        <source>Persoon wijzigen…</source>
        <translation>Edit person…</translation>
    </message>
    <message>
        <location filename="../case_family_tab.cc" line="274"/>
        <source>Persoon verwijderen…</source>
        <translation>Remove person…</translation>
    </message>
    <message>
        <location filename="../case_family_tab.cc" line="278"/>
        <source>Relatie toevoegen…</source>
        <translation>Add relationship…</translation>
    </message>
    <message>
        <location filename="../case_family_tab.cc" line="280"/>
        <source>Relatie verwijderen…</source>
        <translation>Remove relationship…</translation>
    </message>
    <message>
        <location filename="../case_family_tab.cc" line="301"/>
        <source>De persoon is toegevoegd.</source>
        <translation>The person has been added.</translation>
    </message>
    <message>
        <location filename="../case_family_tab.cc" line="308"/>
        <source>De persoon is gewijzigd.</source>
        <translation>The person has been changed.</translation>
    </message>
    <message>
        <location filename="../case_family_tab.cc" line="318"/>
        <source>De persoon is verwijderd.</source>
        <translation>The person has been removed.</translation>
    </message>
    <message>
        <location filename="../case_family_tab.cc" line="323"/>
        <source>De relatie is vastgelegd.</source>
        <translation>The relationship has been recorded.</translation>
    </message>
    <message>
        <location filename="../case_family_tab.cc" line="335"/>
        <source>De relatie is verwijderd.</source>
        <translation>The relationship has been removed.</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::CaseMeetingsTab</name>
    <message>
        <location filename="../case_meetings_tab.cc" line="25"/>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../case_meetings_tab.cc" line="25"/>
        <source>Voorzitter</source>
        <translation>Chair</translation>
    </message>
    <message>
        <location filename="../case_meetings_tab.cc" line="25"/>
        <source>Gezin aanwezig</source>
        <translation>Family present</translation>
    </message>
    <message>
        <location filename="../case_meetings_tab.cc" line="25"/>
        <source>Aanwezigen</source>
        <translation>Attendees</translation>
    </message>
    <message>
        <location filename="../case_meetings_tab.cc" line="26"/>
        <source>Verslag</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <location filename="../case_meetings_tab.cc" line="26"/>
        <source>Besluiten</source>
        <translation>Decisions</translation>
    </message>
    <message>
        <location filename="../case_meetings_tab.cc" line="27"/>
        <source>Overleggen</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <location filename="../case_meetings_tab.cc" line="28"/>
        <source>Actie</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../case_meetings_tab.cc" line="28"/>
        <source>Eigenaar</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../case_meetings_tab.cc" line="28"/>
        <source>Uiterlijk</source>
        <translation>Due by</translation>
    </message>
    <message>
        <location filename="../case_meetings_tab.cc" line="28"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../case_meetings_tab.cc" line="28"/>
        <location filename="../case_meetings_tab.cc" line="107"/>
        <source>Te laat</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../case_meetings_tab.cc" line="29"/>
        <source>Statusnotitie</source>
        <translation>Status note</translation>
    </message>
    <message>
        <location filename="../case_meetings_tab.cc" line="30"/>
        <source>Acties</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location filename="../case_meetings_tab.cc" line="33"/>
        <source>Overleg &amp;vastleggen…</source>
        <translation>&amp;Record meeting…</translation>
    </message>
    <message>
        <location filename="../case_meetings_tab.cc" line="35"/>
        <source>Overleg vastleggen</source>
        <translation>Record meeting</translation>
    </message>
    <message>
        <location filename="../case_meetings_tab.cc" line="39"/>
        <source>Actie &amp;afgerond</source>
        <translation>Mark &amp;done</translation>
    </message>
    <message>
        <location filename="../case_meetings_tab.cc" line="41"/>
        <source>Geselecteerde actie als afgerond markeren</source>
        <translation>Mark the selected action as completed</translation>
    </message>
    <message>
        <location filename="../case_meetings_tab.cc" line="49"/>
        <source>Over&amp;leggen</source>
        <translation>&amp;Meetings</translation>
    </message>
    <message>
        <location filename="../case_meetings_tab.cc" line="51"/>
        <source>A&amp;cties</source>
        <translation>A&amp;ctions</translation>
    </message>
    <message>
        <location filename="../case_meetings_tab.cc" line="90"/>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../case_meetings_tab.cc" line="90"/>
        <source>nee</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../case_meetings_tab.cc" line="132"/>
        <source>Het overleg is vastgelegd.</source>
        <translation>The meeting has been recorded.</translation>
    </message>
    <message>
        <location filename="../case_meetings_tab.cc" line="161"/>
        <source>Actie bijwerken…</source>
        <translation>Updating action…</translation>
    </message>
    <message>
        <location filename="../case_meetings_tab.cc" line="175"/>
        <source>De actie is intussen gewijzigd; de gegevens worden opnieuw geladen.</source>
        <translation>The action has been changed in the meantime; the data is being reloaded.</translation>
    </message>
    <message>
        <location filename="../case_meetings_tab.cc" line="182"/>
        <source>De actie is als afgerond gemarkeerd.</source>
        <translation>The action has been marked as completed.</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::CaseNotesTab</name>
    <message>
        <location filename="../case_notes_tab.cc" line="45"/>
        <source>Gedeelde notities</source>
        <translation>Shared notes</translation>
    </message>
    <message>
        <location filename="../case_notes_tab.cc" line="46"/>
        <source>Notitie</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../case_notes_tab.cc" line="46"/>
        <source>Gevoeligheid</source>
        <translation>Sensitivity</translation>
    </message>
    <message>
        <location filename="../case_notes_tab.cc" line="46"/>
        <source>Gedeeld met</source>
        <translation>Shared with</translation>
    </message>
    <message>
        <location filename="../case_notes_tab.cc" line="55"/>
        <source>Notitie toevoegen</source>
        <translation>Add note</translation>
    </message>
    <message>
        <location filename="../case_notes_tab.cc" line="58"/>
        <source>Tekst van de notitie</source>
        <translation>Note text</translation>
    </message>
    <message>
        <location filename="../case_notes_tab.cc" line="63"/>
        <source>Gevoeligheid van de notitie</source>
        <translation>Note sensitivity</translation>
    </message>
    <message>
        <location filename="../case_notes_tab.cc" line="70"/>
        <source>Notitie to&amp;evoegen</source>
        <translation>&amp;Add note</translation>
    </message>
    <message>
        <location filename="../case_notes_tab.cc" line="72"/>
        <source>Notitie toevoegen aan de casus</source>
        <translation>Add a note to the case</translation>
    </message>
    <message>
        <location filename="../case_notes_tab.cc" line="76"/>
        <source>Te&amp;kst</source>
        <translation>Te&amp;xt</translation>
    </message>
    <message>
        <location filename="../case_notes_tab.cc" line="82"/>
        <source>Gevoe&amp;ligheid</source>
        <translation>&amp;Sensitivity</translation>
    </message>
    <message>
        <location filename="../case_notes_tab.cc" line="93"/>
        <source>Organisatie om de notitie mee te delen</source>
        <translation>Organisation to share the note with</translation>
    </message>
    <message>
        <location filename="../case_notes_tab.cc" line="94"/>
        <source>&amp;Delen met organisatie</source>
        <translation>S&amp;hare with organisation</translation>
    </message>
    <message>
        <location filename="../case_notes_tab.cc" line="96"/>
        <source>Geselecteerde notitie delen met de gekozen organisatie</source>
        <translation>Share the selected note with the chosen organisation</translation>
    </message>
    <message>
        <location filename="../case_notes_tab.cc" line="100"/>
        <source>Geselecteerde notitie delen met:</source>
        <translation>Share selected note with:</translation>
    </message>
    <message>
        <location filename="../case_notes_tab.cc" line="165"/>
        <source>Alleen de casusregisseur deelt een notitie met een organisatie.</source>
        <translation>Only the case director can share a note with an organisation.</translation>
    </message>
    <message>
        <location filename="../case_notes_tab.cc" line="185"/>
        <source>Notitie opslaan…</source>
        <translation>Saving note…</translation>
    </message>
    <message>
        <location filename="../case_notes_tab.cc" line="201"/>
        <source>De casus is intussen gewijzigd; de gegevens worden opnieuw geladen. Probeer het daarna opnieuw.</source>
        <translation>The case has been changed in the meantime; the data is being reloaded. Please try again afterwards.</translation>
    </message>
    <message>
        <location filename="../case_notes_tab.cc" line="211"/>
        <source>De notitie is toegevoegd.</source>
        <translation>The note has been added.</translation>
    </message>
    <message>
        <location filename="../case_notes_tab.cc" line="236"/>
        <source>De notitie is niet opgeslagen:</source>
        <translation>The note has not been saved:</translation>
    </message>
    <message>
        <location filename="../case_notes_tab.cc" line="239"/>
        <source>De notitie is niet opgeslagen; zie het gemarkeerde veld.</source>
        <translation>The note has not been saved; see the highlighted field.</translation>
    </message>
    <message>
        <location filename="../case_notes_tab.cc" line="248"/>
        <source>Kies eerst een notitie in de lijst en een organisatie.</source>
        <translation>First choose a note in the list and an organisation.</translation>
    </message>
    <message>
        <location filename="../case_notes_tab.cc" line="258"/>
        <source>Notitie delen…</source>
        <translation>Sharing note…</translation>
    </message>
    <message>
        <location filename="../case_notes_tab.cc" line="275"/>
        <source>De notitie is gedeeld.</source>
        <translation>The note has been shared.</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::CasePlanDiff</name>
    <message>
        <location filename="../case_plan_diff.cc" line="153"/>
        <source>Oudere versie</source>
        <translation>Older version</translation>
    </message>
    <message>
        <location filename="../case_plan_diff.cc" line="156"/>
        <source>Nieuwere versie</source>
        <translation>Newer version</translation>
    </message>
    <message>
        <location filename="../case_plan_diff.cc" line="157"/>
        <source>Verge&amp;lijken</source>
        <translation>&amp;Compare</translation>
    </message>
    <message>
        <location filename="../case_plan_diff.cc" line="159"/>
        <source>De twee gekozen versies vergelijken</source>
        <translation>Compare the two chosen versions</translation>
    </message>
    <message>
        <location filename="../case_plan_diff.cc" line="165"/>
        <source>Verschillen tussen de versies</source>
        <translation>Differences between the versions</translation>
    </message>
    <message>
        <location filename="../case_plan_diff.cc" line="166"/>
        <source>±</source>
        <translation>±</translation>
    </message>
    <message>
        <location filename="../case_plan_diff.cc" line="166"/>
        <source>Onderdeel</source>
        <translation>Section</translation>
    </message>
    <message>
        <location filename="../case_plan_diff.cc" line="166"/>
        <source>Inhoud</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../case_plan_diff.cc" line="166"/>
        <source>Wijziging</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../case_plan_diff.cc" line="177"/>
        <source>+ toegevoegd (groen), − verwijderd (rood), ~ gewijzigd (geel); zonder teken: ongewijzigd.</source>
        <translation>+ added (green), − removed (red), ~ changed (yellow); no sign: unchanged.</translation>
    </message>
    <message>
        <location filename="../case_plan_diff.cc" line="181"/>
        <source>V&amp;an versie</source>
        <translation>&amp;From version</translation>
    </message>
    <message>
        <location filename="../case_plan_diff.cc" line="183"/>
        <source>Vergelijken &amp;met versie</source>
        <translation>Compare &amp;with version</translation>
    </message>
    <message>
        <location filename="../case_plan_diff.cc" line="209"/>
        <source>Versie %1 (%2)</source>
        <translation>Version %1 (%2)</translation>
    </message>
    <message>
        <location filename="../case_plan_diff.cc" line="235"/>
        <source>Kies twee verschillende versies.</source>
        <translation>Choose two different versions.</translation>
    </message>
    <message>
        <location filename="../case_plan_diff.cc" line="240"/>
        <source>Versies vergelijken…</source>
        <translation>Comparing versions…</translation>
    </message>
    <message>
        <location filename="../case_plan_diff.cc" line="287"/>
        <source>Versie %1 → %2: %3 wijziging(en).</source>
        <translation>Version %1 → %2: %3 change(s).</translation>
    </message>
    <message>
        <location filename="../case_plan_diff.cc" line="294"/>
        <source>Evaluatiedatum gewijzigd naar %1.</source>
        <translation>Evaluation date changed to %1.</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::CasePlanRiskPanel</name>
    <message>
        <location filename="../case_plan_records.cc" line="313"/>
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <location filename="../case_plan_records.cc" line="313"/>
        <source>Versie</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../case_plan_records.cc" line="313"/>
        <source>Afgenomen</source>
        <translation>Assessed</translation>
    </message>
    <message>
        <location filename="../case_plan_records.cc" line="313"/>
        <source>Door</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../case_plan_records.cc" line="313"/>
        <source>Uitkomst</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../case_plan_records.cc" line="313"/>
        <source>Notities</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../case_plan_records.cc" line="314"/>
        <source>Risicotaxaties</source>
        <translation>Risk assessments</translation>
    </message>
    <message>
        <location filename="../case_plan_records.cc" line="370"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../case_plan_records.cc" line="379"/>
        <source>Er zijn nog geen risicotaxaties vastgelegd.</source>
        <translation>No risk assessments have been recorded yet.</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::CasePlanTab</name>
    <message>
        <location filename="../case_plan_tab.cc" line="212"/>
        <source>Onderdelen van het veiligheidsplan</source>
        <translation>Sections of the safety plan</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="216"/>
        <source>Onderdeel</source>
        <translation>Section</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="216"/>
        <source>Gevoeligheid</source>
        <translation>Sensitivity</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="216"/>
        <source>Inhoud</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="217"/>
        <source>Inhoud van het veiligheidsplan</source>
        <translation>Content of the safety plan</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="218"/>
        <source>Partij</source>
        <translation>Party</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="218"/>
        <source>Professional</source>
        <translation>Professional</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="218"/>
        <source>Organisatie</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="218"/>
        <source>Getekend</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="219"/>
        <location filename="../case_plan_tab.cc" line="222"/>
        <source>Ondertekeningen</source>
        <translation>Signatures</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="226"/>
        <source>In&amp;houd</source>
        <translation>&amp;Contents</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="231"/>
        <location filename="../case_plan_tab.cc" line="259"/>
        <source>Versie</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="231"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="231"/>
        <source>Gebaseerd op</source>
        <translation>Based on</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="231"/>
        <source>Aangemaakt</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="231"/>
        <source>Van kracht sinds</source>
        <translation>In force since</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="232"/>
        <source>Versies van het plan</source>
        <translation>Versions of the plan</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="234"/>
        <source>Versie &amp;bekijken</source>
        <translation>&amp;View version</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="236"/>
        <source>De geselecteerde versie tonen</source>
        <translation>Show the selected version</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="252"/>
        <source>Ver&amp;sies en vergelijken</source>
        <translation>Ver&amp;sions and comparison</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="256"/>
        <source>Wanneer</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="256"/>
        <source>Wat</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="256"/>
        <source>Politiekenmerk</source>
        <translation>Police reference</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="256"/>
        <source>Gemeld door</source>
        <translation>Reported by</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="257"/>
        <source>Herzien uiterlijk</source>
        <translation>Review by</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="257"/>
        <source>Herzien</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="258"/>
        <location filename="../case_plan_tab.cc" line="263"/>
        <source>Incidenten</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="259"/>
        <source>Geëvalueerd</source>
        <translation>Evaluated</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="259"/>
        <source>Door</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="259"/>
        <source>Besluit</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="260"/>
        <source>Volgende evaluatie</source>
        <translation>Next evaluation</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="260"/>
        <source>Notities</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="261"/>
        <location filename="../case_plan_tab.cc" line="265"/>
        <source>Evaluaties</source>
        <translation>Evaluations</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="267"/>
        <source>Incidenten en &amp;evaluaties</source>
        <translation>Incidents and &amp;evaluations</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="271"/>
        <source>Risicota&amp;xaties</source>
        <translation>Risk a&amp;ssessments</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="286"/>
        <source>Concept s&amp;tarten…</source>
        <translation>S&amp;tart draft…</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="286"/>
        <source>Concept starten</source>
        <translation>Start draft</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="288"/>
        <source>Concept be&amp;werken…</source>
        <translation>Ed&amp;it draft…</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="288"/>
        <source>Concept bewerken</source>
        <translation>Edit draft</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="290"/>
        <source>Ter &amp;ondertekening voorleggen…</source>
        <translation>Su&amp;bmit for signature…</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="291"/>
        <source>Ter ondertekening voorleggen</source>
        <translation>Submit for signature</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="292"/>
        <source>Onder&amp;tekenen…</source>
        <translation>Si&amp;gn…</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="292"/>
        <source>Ondertekenen</source>
        <translation>Sign</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="294"/>
        <source>Incident &amp;vastleggen…</source>
        <translation>&amp;Record incident…</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="295"/>
        <source>Incident vastleggen</source>
        <translation>Record incident</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="296"/>
        <source>E&amp;valueren…</source>
        <translation>Eva&amp;luate…</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="296"/>
        <source>Evalueren</source>
        <translation>Evaluate</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="298"/>
        <source>Afspraak met &amp;gezin vastleggen…</source>
        <translation>Record &amp;family agreement…</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="299"/>
        <source>Afspraak met gezin vastleggen</source>
        <translation>Record family agreement</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="300"/>
        <source>&amp;Risicotaxatie vastleggen…</source>
        <translation>Record &amp;risk assessment…</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="301"/>
        <source>Risicotaxatie vastleggen</source>
        <translation>Record risk assessment</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="405"/>
        <source>Veiligheidsplan laden…</source>
        <translation>Loading safety plan…</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="439"/>
        <source>Deze casus heeft nog geen veiligheidsplan.</source>
        <translation>This case does not have a safety plan yet.</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="465"/>
        <source>Versie %1 — %2</source>
        <translation>Version %1 — %2</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="467"/>
        <source>Van kracht sinds %1</source>
        <translation>In force since %1</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="469"/>
        <source>Volgende evaluatie: %1</source>
        <translation>Next evaluation: %1</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="472"/>
        <source>Evaluatiedatum van deze versie: %1</source>
        <translation>Evaluation date of this version: %1</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="475"/>
        <source>De veiligheidsvoorwaarden zijn gewijzigd: Veilig Thuis tekent mee.</source>
        <translation>The safety conditions have changed: Veilig Thuis co-signs.</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="510"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="532"/>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="532"/>
        <source>nee</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::CaseResponsibilityTab</name>
    <message>
        <location filename="../case_responsibility_tab.cc" line="70"/>
        <location filename="../case_responsibility_tab.cc" line="72"/>
        <source>Fase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <location filename="../case_responsibility_tab.cc" line="70"/>
        <source>Organisatie</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../case_responsibility_tab.cc" line="70"/>
        <source>Professional</source>
        <translation>Professional</translation>
    </message>
    <message>
        <location filename="../case_responsibility_tab.cc" line="70"/>
        <location filename="../case_responsibility_tab.cc" line="72"/>
        <source>Van</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../case_responsibility_tab.cc" line="70"/>
        <source>Tot</source>
        <translation>Until</translation>
    </message>
    <message>
        <location filename="../case_responsibility_tab.cc" line="70"/>
        <source>Aanleiding</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../case_responsibility_tab.cc" line="71"/>
        <source>Geschiedenis van de regie</source>
        <translation>History of lead responsibility</translation>
    </message>
    <message>
        <location filename="../case_responsibility_tab.cc" line="72"/>
        <source>Voorgesteld</source>
        <translation>Proposed</translation>
    </message>
    <message>
        <location filename="../case_responsibility_tab.cc" line="72"/>
        <source>Naar</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../case_responsibility_tab.cc" line="72"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../case_responsibility_tab.cc" line="73"/>
        <source>Accepteren uiterlijk</source>
        <translation>Accept by</translation>
    </message>
    <message>
        <location filename="../case_responsibility_tab.cc" line="74"/>
        <source>Overdrachten</source>
        <translation>Handovers</translation>
    </message>
    <message>
        <location filename="../case_responsibility_tab.cc" line="76"/>
        <source>Overdracht &amp;voorstellen</source>
        <translation>&amp;Propose handover</translation>
    </message>
    <message>
        <location filename="../case_responsibility_tab.cc" line="78"/>
        <source>Overdracht van de regie voorstellen</source>
        <translation>Propose a handover of lead responsibility</translation>
    </message>
    <message>
        <location filename="../case_responsibility_tab.cc" line="85"/>
        <source>Ges&amp;chiedenis van de regie</source>
        <translation>Lead responsibility &amp;history</translation>
    </message>
    <message>
        <location filename="../case_responsibility_tab.cc" line="87"/>
        <source>Over&amp;drachten</source>
        <translation>Han&amp;dovers</translation>
    </message>
    <message>
        <location filename="../case_responsibility_tab.cc" line="107"/>
        <source>Regie laden…</source>
        <translation>Loading lead responsibility…</translation>
    </message>
    <message>
        <location filename="../case_responsibility_tab.cc" line="148"/>
        <source>Overdracht in behandeling: naar %1 (fase %2)</source>
        <translation>Handover pending: to %1 (phase %2)</translation>
    </message>
    <message>
        <location filename="../case_responsibility_tab.cc" line="151"/>
        <source>, accepteren uiterlijk %1</source>
        <translation>, accept by %1</translation>
    </message>
    <message>
        <location filename="../case_responsibility_tab.cc" line="157"/>
        <source>Regie: %1</source>
        <translation>Lead responsibility: %1</translation>
    </message>
    <message>
        <location filename="../case_responsibility_tab.cc" line="161"/>
        <source>Fase: %1</source>
        <translation>Phase: %1</translation>
    </message>
    <message>
        <location filename="../case_responsibility_tab.cc" line="162"/>
        <source>Sinds: %1</source>
        <translation>Since: %1</translation>
    </message>
    <message>
        <location filename="../case_responsibility_tab.cc" line="164"/>
        <source>Houdt nog zicht: %1 (tot het eerste contact is bevestigd)</source>
        <translation>Still keeping sight of safety: %1 (until first contact is confirmed)</translation>
    </message>
    <message>
        <location filename="../case_responsibility_tab.cc" line="170"/>
        <source>Overdracht in behandeling</source>
        <translation>Handover pending</translation>
    </message>
    <message>
        <location filename="../case_responsibility_tab.cc" line="185"/>
        <source>nu</source>
        <translation>now</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::CaseTeamTab</name>
    <message>
        <location filename="../case_team_tab.cc" line="51"/>
        <source>Casusteam</source>
        <translation>Case team</translation>
    </message>
    <message>
        <location filename="../case_team_tab.cc" line="52"/>
        <source>Regie</source>
        <translation>Lead responsibility</translation>
    </message>
    <message>
        <location filename="../case_team_tab.cc" line="52"/>
        <source>Professional</source>
        <translation>Professional</translation>
    </message>
    <message>
        <location filename="../case_team_tab.cc" line="52"/>
        <source>Organisatie</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../case_team_tab.cc" line="53"/>
        <source>Soort organisatie</source>
        <translation>Type of organisation</translation>
    </message>
    <message>
        <location filename="../case_team_tab.cc" line="53"/>
        <source>Rol in de casus</source>
        <translation>Role in the case</translation>
    </message>
    <message>
        <location filename="../case_team_tab.cc" line="53"/>
        <source>Sinds</source>
        <translation>Since</translation>
    </message>
    <message>
        <location filename="../case_team_tab.cc" line="54"/>
        <source>Tot</source>
        <translation>Until</translation>
    </message>
    <message>
        <location filename="../case_team_tab.cc" line="64"/>
        <source>Teamlid toevoeg&amp;en</source>
        <translation>&amp;Add team member</translation>
    </message>
    <message>
        <location filename="../case_team_tab.cc" line="65"/>
        <source>Teamlid toevoegen uit het adresboek</source>
        <translation>Add a team member from the address book</translation>
    </message>
    <message>
        <location filename="../case_team_tab.cc" line="66"/>
        <source>Teamlid &amp;verwijderen</source>
        <translation>&amp;Remove team member</translation>
    </message>
    <message>
        <location filename="../case_team_tab.cc" line="67"/>
        <source>Geselecteerd teamlid verwijderen</source>
        <translation>Remove the selected team member</translation>
    </message>
    <message>
        <location filename="../case_team_tab.cc" line="68"/>
        <source>Regie overdragen &amp;aan…</source>
        <translation>Hand over &amp;lead to…</translation>
    </message>
    <message>
        <location filename="../case_team_tab.cc" line="69"/>
        <source>De regie overdragen aan een ander teamlid</source>
        <translation>Hand over lead responsibility to another team member</translation>
    </message>
    <message>
        <location filename="../case_team_tab.cc" line="70"/>
        <source>Casus &amp;sluiten</source>
        <translation>&amp;Close case</translation>
    </message>
    <message>
        <location filename="../case_team_tab.cc" line="70"/>
        <source>Casus sluiten</source>
        <translation>Close case</translation>
    </message>
    <message>
        <location filename="../case_team_tab.cc" line="72"/>
        <source>Casus &amp;heropenen</source>
        <translation>Re&amp;open case</translation>
    </message>
    <message>
        <location filename="../case_team_tab.cc" line="72"/>
        <source>Casus heropenen</source>
        <translation>Reopen case</translation>
    </message>
    <message>
        <location filename="../case_team_tab.cc" line="114"/>
        <source>Uw rol in deze casus: %1</source>
        <translation>Your role in this case: %1</translation>
    </message>
    <message>
        <location filename="../case_team_tab.cc" line="117"/>
        <source>Deze casus is gesloten op %1.</source>
        <translation>This case was closed on %1.</translation>
    </message>
    <message>
        <location filename="../case_team_tab.cc" line="119"/>
        <location filename="../case_team_tab.cc" line="121"/>
        <source>Reden: %1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <location filename="../case_team_tab.cc" line="125"/>
        <source>Deze casus is open.</source>
        <translation>This case is open.</translation>
    </message>
    <message>
        <location filename="../case_team_tab.cc" line="154"/>
        <source>Casusregisseur</source>
        <translation>Case director</translation>
    </message>
    <message>
        <location filename="../case_team_tab.cc" line="190"/>
        <source>Teamlid toevoegen…</source>
        <translation>Add team member…</translation>
    </message>
    <message>
        <location filename="../case_team_tab.cc" line="191"/>
        <source>Teamlid verwijderen…</source>
        <translation>Remove team member…</translation>
    </message>
    <message>
        <location filename="../case_team_tab.cc" line="193"/>
        <source>Regie overdragen aan…</source>
        <translation>Hand over lead to…</translation>
    </message>
    <message>
        <location filename="../case_team_tab.cc" line="211"/>
        <source>Het teamlid is toegevoegd.</source>
        <translation>The team member has been added.</translation>
    </message>
    <message>
        <location filename="../case_team_tab.cc" line="222"/>
        <source>Het teamlid is verwijderd.</source>
        <translation>The team member has been removed.</translation>
    </message>
    <message>
        <location filename="../case_team_tab.cc" line="239"/>
        <source>De regie is overgedragen.</source>
        <translation>Lead responsibility has been handed over.</translation>
    </message>
    <message>
        <location filename="../case_team_tab.cc" line="244"/>
        <source>De casus is gesloten.</source>
        <translation>The case is closed.</translation>
    </message>
    <message>
        <location filename="../case_team_tab.cc" line="249"/>
        <source>De casus is heropend.</source>
        <translation>The case has been reopened.</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::CaseTimelineTab</name>
    <message>
        <location filename="../case_timeline_tab.cc" line="61"/>
        <source>Tijdlijn van de casus</source>
        <translation>Case timeline</translation>
    </message>
    <message>
        <location filename="../case_timeline_tab.cc" line="62"/>
        <source>Tijdstip</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../case_timeline_tab.cc" line="62"/>
        <source>Wat</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../case_timeline_tab.cc" line="62"/>
        <source>Door</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../case_timeline_tab.cc" line="62"/>
        <source>Bron</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../case_timeline_tab.cc" line="83"/>
        <source>Tijdlijn laden…</source>
        <translation>Loading timeline…</translation>
    </message>
    <message>
        <location filename="../case_timeline_tab.cc" line="119"/>
        <source>Aantal gebeurtenissen: %1</source>
        <translation>Number of events: %1</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::CaseWindow</name>
    <message>
        <location filename="../case_window.cc" line="41"/>
        <location filename="../case_window.cc" line="162"/>
        <source>Casus %1 — Schakel</source>
        <translation>Case %1 — Schakel</translation>
    </message>
    <message>
        <location filename="../case_window.cc" line="42"/>
        <location filename="../case_window.cc" line="163"/>
        <source>Casus %1</source>
        <translation>Case %1</translation>
    </message>
    <message>
        <location filename="../case_window.cc" line="66"/>
        <source>Onderdelen van de casus</source>
        <translation>Sections of the case</translation>
    </message>
    <message>
        <location filename="../case_window.cc" line="67"/>
        <source>&amp;Gezin</source>
        <translation>&amp;Family</translation>
    </message>
    <message>
        <location filename="../case_window.cc" line="68"/>
        <source>&amp;Team</source>
        <translation>&amp;Team</translation>
    </message>
    <message>
        <location filename="../case_window.cc" line="69"/>
        <source>&amp;Notities</source>
        <translation>&amp;Notes</translation>
    </message>
    <message>
        <location filename="../case_window.cc" line="70"/>
        <source>&amp;Overleggen en acties</source>
        <translation>&amp;Meetings and actions</translation>
    </message>
    <message>
        <location filename="../case_window.cc" line="71"/>
        <source>T&amp;ijdlijn</source>
        <translation>T&amp;imeline</translation>
    </message>
    <message>
        <location filename="../case_window.cc" line="72"/>
        <source>Veiligheids&amp;plan</source>
        <translation>Safety &amp;plan</translation>
    </message>
    <message>
        <location filename="../case_window.cc" line="73"/>
        <source>Ve&amp;rantwoordelijkheid</source>
        <translation>&amp;Responsibility</translation>
    </message>
    <message>
        <location filename="../case_window.cc" line="130"/>
        <source>Casus laden…</source>
        <translation>Loading case…</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::CloseCaseDialog</name>
    <message>
        <location filename="../case_team_dialogs.cc" line="252"/>
        <source>Casus sluiten</source>
        <translation>Close case</translation>
    </message>
    <message>
        <location filename="../case_team_dialogs.cc" line="253"/>
        <source>Casus &amp;sluiten</source>
        <translation>&amp;Close case</translation>
    </message>
    <message>
        <location filename="../case_team_dialogs.cc" line="255"/>
        <source>Reden van sluiten</source>
        <translation>Reason for closing</translation>
    </message>
    <message>
        <location filename="../case_team_dialogs.cc" line="262"/>
        <source>Stabiele veiligheid heeft de afgesproken periode stan&amp;dgehouden</source>
        <translation>Stable safety has held for the agreed perio&amp;d</translation>
    </message>
    <message>
        <location filename="../case_team_dialogs.cc" line="264"/>
        <source>De risicofactoren zijn &amp;aangepakt</source>
        <translation>The risk factors have been &amp;addressed</translation>
    </message>
    <message>
        <location filename="../case_team_dialogs.cc" line="266"/>
        <source>Het herstel heeft een blijvende &amp;eigenaar</source>
        <translation>Recovery has a lasting &amp;owner</translation>
    </message>
    <message>
        <location filename="../case_team_dialogs.cc" line="267"/>
        <source>&amp;Vervolgcontroles zijn afgesproken</source>
        <translation>&amp;Follow-up checks have been agreed</translation>
    </message>
    <message>
        <location filename="../case_team_dialogs.cc" line="271"/>
        <source>Waarom de casus toch sluit (afwijking)</source>
        <translation>Why the case is closing anyway (deviation)</translation>
    </message>
    <message>
        <location filename="../case_team_dialogs.cc" line="273"/>
        <source>Alleen invullen als een punt van de checklist niet is gehaald.</source>
        <translation>Only fill in if an item on the checklist has not been met.</translation>
    </message>
    <message>
        <location filename="../case_team_dialogs.cc" line="276"/>
        <source>Gevoeligheid van reden en afwijking</source>
        <translation>Sensitivity of reason and deviation</translation>
    </message>
    <message>
        <location filename="../case_team_dialogs.cc" line="279"/>
        <source>Vervolgcontroles, maanden na sluiten</source>
        <translation>Follow-up checks, months after closing</translation>
    </message>
    <message>
        <location filename="../case_team_dialogs.cc" line="280"/>
        <source>leeg: de standaard (bijv. 3, 6, 12, 18)</source>
        <translation>empty: the default (e.g. 3, 6, 12, 18)</translation>
    </message>
    <message>
        <location filename="../case_team_dialogs.cc" line="282"/>
        <source>&amp;Reden:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <location filename="../case_team_dialogs.cc" line="283"/>
        <source>Checklist:</source>
        <translation>Checklist:</translation>
    </message>
    <message>
        <location filename="../case_team_dialogs.cc" line="286"/>
        <source>Af&amp;wijking:</source>
        <translation>De&amp;viation:</translation>
    </message>
    <message>
        <location filename="../case_team_dialogs.cc" line="287"/>
        <source>&amp;Gevoeligheid:</source>
        <translation>&amp;Sensitivity:</translation>
    </message>
    <message>
        <location filename="../case_team_dialogs.cc" line="288"/>
        <source>Vervolgcontroles (&amp;maanden):</source>
        <translation>Follow-up checks (&amp;months):</translation>
    </message>
    <message>
        <location filename="../case_team_dialogs.cc" line="325"/>
        <source>Vervolgcontroles: geef hele maanden, gescheiden door komma&apos;s (bijv. 3, 6, 12).</source>
        <translation>Follow-up checks: give whole months, separated by commas (e.g. 3, 6, 12).</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::CloseReportDialog</name>
    <message>
        <location filename="../triage_actions.cc" line="169"/>
        <source>Dossier afsluiten</source>
        <translation>Close the file</translation>
    </message>
    <message>
        <location filename="../triage_actions.cc" line="170"/>
        <source>&amp;Afsluiten</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../triage_actions.cc" line="173"/>
        <source>Afsluiten beëindigt de bemoeienis van Veilig Thuis met dit dossier. De bewaartermijn begint dan; daarna wordt het dossier vernietigd.</source>
        <translation>Closing ends Veilig Thuis&apos;s involvement with this file. Its retention term starts then; after it, the file is destroyed.</translation>
    </message>
    <message>
        <location filename="../triage_actions.cc" line="179"/>
        <source>Waarom de bemoeienis eindigt</source>
        <translation>Why the involvement ends</translation>
    </message>
    <message>
        <location filename="../triage_actions.cc" line="180"/>
        <source>&amp;Reden (verplicht):</source>
        <translation>&amp;Reason (required):</translation>
    </message>
    <message>
        <location filename="../triage_actions.cc" line="212"/>
        <source>Afsluiten kan niet: dit dossier sluit vanzelf, is nog niet beoordeeld of is al afgesloten.</source>
        <translation>Cannot close: this file closes by itself, is not assessed yet, or is closed already.</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::CompleteInvestigationDialog</name>
    <message>
        <location filename="../triage_actions.cc" line="221"/>
        <source>Onderzoek afronden</source>
        <translation>Complete investigation</translation>
    </message>
    <message>
        <location filename="../triage_actions.cc" line="222"/>
        <source>&amp;Afronden</source>
        <translation>&amp;Complete</translation>
    </message>
    <message>
        <location filename="../triage_actions.cc" line="225"/>
        <source>Conclusie van het onderzoek</source>
        <translation>Conclusion of the investigation</translation>
    </message>
    <message>
        <location filename="../triage_actions.cc" line="228"/>
        <source>Besloten vervolg</source>
        <translation>Decided follow-up</translation>
    </message>
    <message>
        <location filename="../triage_actions.cc" line="233"/>
        <source>Wie het overneemt of wat er volgt</source>
        <translation>Who takes over or what happens next</translation>
    </message>
    <message>
        <location filename="../triage_actions.cc" line="234"/>
        <source>&amp;Conclusie (verplicht):</source>
        <translation>Co&amp;nclusion (required):</translation>
    </message>
    <message>
        <location filename="../triage_actions.cc" line="235"/>
        <source>&amp;Vervolg (verplicht):</source>
        <translation>&amp;Follow-up (required):</translation>
    </message>
    <message>
        <location filename="../triage_actions.cc" line="236"/>
        <source>&amp;Toelichting vervolg:</source>
        <translation>Follow-up &amp;details:</translation>
    </message>
    <message>
        <location filename="../triage_actions.cc" line="250"/>
        <source>Onderzoeker: %1</source>
        <translation>Investigator: %1</translation>
    </message>
    <message>
        <location filename="../triage_actions.cc" line="253"/>
        <source>Onderzoek uiterlijk: %1</source>
        <translation>Investigation due by: %1</translation>
    </message>
    <message>
        <location filename="../triage_actions.cc" line="276"/>
        <source>Afronden kan niet: bij deze melding loopt geen onderzoek door Veilig Thuis, of het onderzoek is al afgerond.</source>
        <translation>Cannot complete: there is no ongoing Veilig Thuis investigation for this report, or the investigation has already been completed.</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::ConfirmContactDialog</name>
    <message>
        <location filename="../handover_dialogs.cc" line="272"/>
        <source>Eerste contact bevestigen</source>
        <translation>Confirm first contact</translation>
    </message>
    <message>
        <location filename="../handover_dialogs.cc" line="272"/>
        <source>&amp;Bevestigen</source>
        <translation>&amp;Confirm</translation>
    </message>
    <message>
        <location filename="../handover_dialogs.cc" line="274"/>
        <source>Het contact was &amp;zojuist</source>
        <translation>The contact was &amp;just now</translation>
    </message>
    <message>
        <location filename="../handover_dialogs.cc" line="276"/>
        <source>Het contact was zojuist</source>
        <translation>The contact was just now</translation>
    </message>
    <message>
        <location filename="../handover_dialogs.cc" line="287"/>
        <source>Tijdstip van het eerste contact</source>
        <translation>Time of first contact</translation>
    </message>
    <message>
        <location filename="../handover_dialogs.cc" line="293"/>
        <source>&amp;Tijdstip (Amsterdam):</source>
        <translation>&amp;Time (Amsterdam):</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::ConvertAdviceDialog</name>
    <message>
        <location filename="../triage_actions.cc" line="129"/>
        <source>Adviesvraag omzetten in melding</source>
        <translation>Convert advice request into report</translation>
    </message>
    <message>
        <location filename="../triage_actions.cc" line="130"/>
        <source>&amp;Omzetten</source>
        <translation>&amp;Convert</translation>
    </message>
    <message>
        <location filename="../triage_actions.cc" line="133"/>
        <source>Na het omzetten is Veilig Thuis verantwoordelijk voor de veiligheid en begint de termijn van 5 werkdagen voor de veiligheidsbeoordeling.</source>
        <translation>After conversion, Veilig Thuis is responsible for safety and the 5-working-day term for the safety assessment begins.</translation>
    </message>
    <message>
        <location filename="../triage_actions.cc" line="139"/>
        <source>Waarom de adviesvraag een melding wordt</source>
        <translation>Why the advice request becomes a report</translation>
    </message>
    <message>
        <location filename="../triage_actions.cc" line="140"/>
        <source>&amp;Reden (verplicht):</source>
        <translation>&amp;Reason (required):</translation>
    </message>
    <message>
        <location filename="../triage_actions.cc" line="162"/>
        <source>Omzetten kan niet: dit is al een melding, of de adviesvraag is niet meer open.</source>
        <translation>Cannot convert: this is already a report, or the advice request is no longer open.</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::DeclineHandoverDialog</name>
    <message>
        <location filename="../handover_dialogs.cc" line="221"/>
        <source>Overdracht weigeren</source>
        <translation>Decline handover</translation>
    </message>
    <message>
        <location filename="../handover_dialogs.cc" line="222"/>
        <source>&amp;Weigeren</source>
        <translation>&amp;Decline</translation>
    </message>
    <message>
        <location filename="../handover_dialogs.cc" line="224"/>
        <source>Reden van weigeren</source>
        <translation>Reason for declining</translation>
    </message>
    <message>
        <location filename="../handover_dialogs.cc" line="225"/>
        <source>&amp;Reden (verplicht):</source>
        <translation>&amp;Reason (required):</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::EditableRowList</name>
    <message>
        <location filename="../case_meeting_dialog.cc" line="218"/>
        <source>Verwijderen</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../case_meeting_dialog.cc" line="220"/>
        <source>%1 verwijderen</source>
        <translation>Remove %1</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::EvaluatePlanDialog</name>
    <message>
        <location filename="../case_plan_dialogs.cc" line="205"/>
        <source>Veiligheidsplan evalueren</source>
        <translation>Evaluate safety plan</translation>
    </message>
    <message>
        <location filename="../case_plan_dialogs.cc" line="205"/>
        <source>&amp;Evalueren</source>
        <translation>&amp;Evaluate</translation>
    </message>
    <message>
        <location filename="../case_plan_dialogs.cc" line="207"/>
        <source>Evaluatie van versie %1, het geldende plan: geef per veiligheidsvoorwaarde aan of die is gehaald.</source>
        <translation>Evaluation of version %1, the plan in force: indicate for each safety condition whether it has been met.</translation>
    </message>
    <message>
        <location filename="../case_plan_dialogs.cc" line="211"/>
        <source>Veiligheidsvoorwaarden</source>
        <translation>Safety conditions</translation>
    </message>
    <message>
        <location filename="../case_plan_dialogs.cc" line="217"/>
        <source>Besluit van de evaluatie</source>
        <translation>Decision of the evaluation</translation>
    </message>
    <message>
        <location filename="../case_plan_dialogs.cc" line="218"/>
        <source>Plan bevestigen</source>
        <translation>Confirm plan</translation>
    </message>
    <message>
        <location filename="../case_plan_dialogs.cc" line="219"/>
        <source>Nieuwe versie starten</source>
        <translation>Start new version</translation>
    </message>
    <message>
        <location filename="../case_plan_dialogs.cc" line="221"/>
        <source>Volgende evaluatie</source>
        <translation>Next evaluation</translation>
    </message>
    <message>
        <location filename="../case_plan_dialogs.cc" line="228"/>
        <source>Notities bij de evaluatie</source>
        <translation>Notes on the evaluation</translation>
    </message>
    <message>
        <location filename="../case_plan_dialogs.cc" line="231"/>
        <source>Gevoeligheid van de notities</source>
        <translation>Sensitivity of the notes</translation>
    </message>
    <message>
        <location filename="../case_plan_dialogs.cc" line="237"/>
        <source>&amp;Besluit:</source>
        <translation>&amp;Decision:</translation>
    </message>
    <message>
        <location filename="../case_plan_dialogs.cc" line="238"/>
        <source>&amp;Volgende evaluatie:</source>
        <translation>&amp;Next evaluation:</translation>
    </message>
    <message>
        <location filename="../case_plan_dialogs.cc" line="239"/>
        <source>&amp;Notities:</source>
        <translation>N&amp;otes:</translation>
    </message>
    <message>
        <location filename="../case_plan_dialogs.cc" line="240"/>
        <source>&amp;Gevoeligheid notities:</source>
        <translation>Notes &amp;sensitivity:</translation>
    </message>
    <message>
        <location filename="../case_plan_dialogs.cc" line="259"/>
        <source>Uitkomst: %1</source>
        <translation>Outcome: %1</translation>
    </message>
    <message>
        <location filename="../case_plan_dialogs.cc" line="260"/>
        <source>Gehaald</source>
        <translation>Met</translation>
    </message>
    <message>
        <location filename="../case_plan_dialogs.cc" line="261"/>
        <source>Deels gehaald</source>
        <translation>Partly met</translation>
    </message>
    <message>
        <location filename="../case_plan_dialogs.cc" line="262"/>
        <source>Niet gehaald</source>
        <translation>Not met</translation>
    </message>
    <message>
        <location filename="../case_plan_dialogs.cc" line="272"/>
        <source>Deze versie heeft geen veiligheidsvoorwaarden.</source>
        <translation>This version has no safety conditions.</translation>
    </message>
    <message>
        <location filename="../case_plan_dialogs.cc" line="295"/>
        <source>De evaluatie is vastgelegd; het plan blijft van kracht.</source>
        <translation>The evaluation has been recorded; the plan stays in force.</translation>
    </message>
    <message>
        <location filename="../case_plan_dialogs.cc" line="296"/>
        <source>De evaluatie is vastgelegd; een nieuw concept is gestart.</source>
        <translation>The evaluation has been recorded; a new draft has been started.</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::FamilyRemovalDialog</name>
    <message>
        <location filename="../case_family_dialogs.cc" line="433"/>
        <source>Persoon verwijderen</source>
        <translation>Remove person</translation>
    </message>
    <message>
        <location filename="../case_family_dialogs.cc" line="433"/>
        <source>Relatie verwijderen</source>
        <translation>Remove relationship</translation>
    </message>
    <message>
        <location filename="../case_family_dialogs.cc" line="434"/>
        <source>&amp;Verwijderen</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <location filename="../case_family_dialogs.cc" line="444"/>
        <source>Te verwijderen persoon: %1
De relaties van deze persoon worden ook verwijderd. Alleen bedoeld voor iemand die bij de verkeerde casus is ingevoerd.</source>
        <translation>Person to remove: %1
This person&apos;s relationships will also be removed. Only intended for someone who was entered in the wrong case.</translation>
    </message>
    <message>
        <location filename="../case_family_dialogs.cc" line="448"/>
        <source>Te verwijderen relatie: %1</source>
        <translation>Relationship to remove: %1</translation>
    </message>
    <message>
        <location filename="../case_family_dialogs.cc" line="450"/>
        <source>Reden van verwijderen</source>
        <translation>Reason for removal</translation>
    </message>
    <message>
        <location filename="../case_family_dialogs.cc" line="452"/>
        <source>Gevoeligheid van de reden</source>
        <translation>Sensitivity of the reason</translation>
    </message>
    <message>
        <location filename="../case_family_dialogs.cc" line="453"/>
        <source>&amp;Reden:</source>
        <translation>Re&amp;ason:</translation>
    </message>
    <message>
        <location filename="../case_family_dialogs.cc" line="454"/>
        <source>&amp;Gevoeligheid van de reden:</source>
        <translation>&amp;Sensitivity of the reason:</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::FormDialog</name>
    <message>
        <location filename="../form_dialog.cc" line="36"/>
        <source>Bezig met verzenden</source>
        <translation>Sending</translation>
    </message>
    <message>
        <location filename="../form_dialog.cc" line="45"/>
        <location filename="../form_dialog.cc" line="47"/>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../form_dialog.cc" line="60"/>
        <source>Iemand anders heeft dit intussen gewijzigd.</source>
        <translation>Someone else has changed this in the meantime.</translation>
    </message>
    <message>
        <location filename="../form_dialog.cc" line="74"/>
        <source>Bezig met verzenden…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <location filename="../form_dialog.cc" line="93"/>
        <source>Gelukt.</source>
        <translation>Done.</translation>
    </message>
    <message>
        <location filename="../form_dialog.cc" line="101"/>
        <source>Geannuleerd. Mogelijk is het toch verwerkt; met OK probeert u het veilig opnieuw.</source>
        <translation>Cancelled. It may have been processed anyway; click OK to try again safely.</translation>
    </message>
    <message>
        <location filename="../form_dialog.cc" line="110"/>
        <source>Controleer de gemarkeerde velden.</source>
        <translation>Check the highlighted fields.</translation>
    </message>
    <message>
        <location filename="../form_dialog.cc" line="111"/>
        <source>Niet verzonden:
%1</source>
        <translation>Not sent:
%1</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::HandoverActionDialog</name>
    <message>
        <location filename="../handover_dialogs.cc" line="79"/>
        <source>Overdracht laden…</source>
        <translation>Loading handover…</translation>
    </message>
    <message>
        <location filename="../handover_dialogs.cc" line="84"/>
        <source>Gegevens van de overdracht</source>
        <translation>Handover details</translation>
    </message>
    <message>
        <location filename="../handover_dialogs.cc" line="98"/>
        <source>De overdracht kon niet worden gelezen: %1</source>
        <translation>The handover could not be read: %1</translation>
    </message>
    <message>
        <location filename="../handover_dialogs.cc" line="116"/>
        <source>Casus: %1</source>
        <translation>Case: %1</translation>
    </message>
    <message>
        <location filename="../handover_dialogs.cc" line="119"/>
        <source>Van: %1</source>
        <translation>From: %1</translation>
    </message>
    <message>
        <location filename="../handover_dialogs.cc" line="119"/>
        <source>Aan: %1</source>
        <translation>To: %1</translation>
    </message>
    <message>
        <location filename="../handover_dialogs.cc" line="120"/>
        <source>Fase: %1</source>
        <translation>Phase: %1</translation>
    </message>
    <message>
        <location filename="../handover_dialogs.cc" line="121"/>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location filename="../handover_dialogs.cc" line="122"/>
        <source>Voorgesteld op: %1</source>
        <translation>Proposed on: %1</translation>
    </message>
    <message>
        <location filename="../handover_dialogs.cc" line="124"/>
        <source>Antwoord uiterlijk: %1</source>
        <translation>Reply by: %1</translation>
    </message>
    <message>
        <location filename="../handover_dialogs.cc" line="127"/>
        <source>Eerste contact uiterlijk: %1</source>
        <translation>First contact by: %1</translation>
    </message>
    <message>
        <location filename="../handover_dialogs.cc" line="130"/>
        <source>Eerste contact op: %1</source>
        <translation>First contact on: %1</translation>
    </message>
    <message>
        <location filename="../handover_dialogs.cc" line="132"/>
        <source>De familie is ingelicht.</source>
        <translation>The family has been informed.</translation>
    </message>
    <message>
        <location filename="../handover_dialogs.cc" line="135"/>
        <source>Samenvatting van de verzender:</source>
        <translation>Sender&apos;s summary:</translation>
    </message>
    <message>
        <location filename="../handover_dialogs.cc" line="139"/>
        <source>Veiligheidsvoorwaarden:</source>
        <translation>Safety conditions:</translation>
    </message>
    <message>
        <location filename="../handover_dialogs.cc" line="140"/>
        <source>Afspraken:</source>
        <translation>Agreements:</translation>
    </message>
    <message>
        <location filename="../handover_dialogs.cc" line="141"/>
        <source>Open risico&apos;s:</source>
        <translation>Open risks:</translation>
    </message>
    <message>
        <location filename="../handover_dialogs.cc" line="142"/>
        <source>Open acties:</source>
        <translation>Open actions:</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::HandoverFormDialog</name>
    <message>
        <location filename="../handover_form.cc" line="104"/>
        <source>Iemand anders heeft deze overdracht intussen gewijzigd.</source>
        <translation>Someone else has changed this handover in the meantime.</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::InboxView</name>
    <message>
        <location filename="../inbox_view.cc" line="179"/>
        <source>&lt;h2&gt;Inbox&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Inbox&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../inbox_view.cc" line="180"/>
        <source>&amp;Vernieuwen (F5)</source>
        <translation>&amp;Refresh (F5)</translation>
    </message>
    <message>
        <location filename="../inbox_view.cc" line="181"/>
        <source>Inbox vernieuwen</source>
        <translation>Refresh inbox</translation>
    </message>
    <message>
        <location filename="../inbox_view.cc" line="190"/>
        <source>Inbox</source>
        <translation>Inbox</translation>
    </message>
    <message>
        <location filename="../inbox_view.cc" line="192"/>
        <source>Soort</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../inbox_view.cc" line="192"/>
        <source>Casus</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../inbox_view.cc" line="192"/>
        <source>Uiterlijk</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../inbox_view.cc" line="192"/>
        <source>Omschrijving</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../inbox_view.cc" line="214"/>
        <source>&amp;Accepteren</source>
        <translation>&amp;Accept</translation>
    </message>
    <message>
        <location filename="../inbox_view.cc" line="214"/>
        <source>Overdracht accepteren</source>
        <translation>Accept handover</translation>
    </message>
    <message>
        <location filename="../inbox_view.cc" line="216"/>
        <source>&amp;Weigeren</source>
        <translation>&amp;Decline</translation>
    </message>
    <message>
        <location filename="../inbox_view.cc" line="216"/>
        <source>Overdracht weigeren</source>
        <translation>Decline handover</translation>
    </message>
    <message>
        <location filename="../inbox_view.cc" line="218"/>
        <source>&amp;Intrekken</source>
        <translation>&amp;Withdraw</translation>
    </message>
    <message>
        <location filename="../inbox_view.cc" line="218"/>
        <source>Overdracht intrekken</source>
        <translation>Withdraw handover</translation>
    </message>
    <message>
        <location filename="../inbox_view.cc" line="220"/>
        <source>&amp;Eerste contact bevestigen</source>
        <translation>Confirm &amp;first contact</translation>
    </message>
    <message>
        <location filename="../inbox_view.cc" line="220"/>
        <source>Eerste contact bevestigen</source>
        <translation>Confirm first contact</translation>
    </message>
    <message>
        <location filename="../inbox_view.cc" line="310"/>
        <source>Laden…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../inbox_view.cc" line="419"/>
        <source>%1 (te laat)</source>
        <translation>%1 (overdue)</translation>
    </message>
    <message>
        <location filename="../inbox_view.cc" line="450"/>
        <source>Er wacht niets op u.</source>
        <translation>Nothing is waiting for you.</translation>
    </message>
    <message>
        <location filename="../inbox_view.cc" line="451"/>
        <source>Aantal items: %1</source>
        <translation>Items: %1</translation>
    </message>
    <message>
        <location filename="../inbox_view.cc" line="457"/>
        <source>Niet alles kon worden opgehaald: %1</source>
        <translation>Not everything could be fetched: %1</translation>
    </message>
    <message>
        <location filename="../inbox_view.cc" line="233"/>
        <source>Verbinding met de server verbroken; opnieuw verbinden…</source>
        <translation>Connection to the server lost; reconnecting…</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::MainWindow</name>
    <message>
        <location filename="../main_window.cc" line="55"/>
        <source>Schakel</source>
        <translation>Schakel</translation>
    </message>
    <message>
        <location filename="../main_window.cc" line="60"/>
        <source>Aangemeld als</source>
        <translation>Signed in as</translation>
    </message>
    <message>
        <location filename="../main_window.cc" line="65"/>
        <source>Onderdelen</source>
        <translation>Views</translation>
    </message>
    <message>
        <location filename="../main_window.cc" line="72"/>
        <source>Ctrl+%1</source>
        <translation>Ctrl+%1</translation>
    </message>
    <message>
        <location filename="../main_window.cc" line="79"/>
        <source>Uw rollen geven geen toegang tot een onderdeel van deze toepassing. Neem contact op met uw beheerder.</source>
        <translation>Your roles give no access to any part of this program. Please contact your administrator.</translation>
    </message>
    <message>
        <location filename="../main_window.cc" line="93"/>
        <source>Geen verbinding met de server. Schakel probeert het steeds opnieuw; wat u ziet kan verouderd zijn.</source>
        <translation>No connection to the server. Schakel keeps trying again; what you see may be out of date.</translation>
    </message>
    <message>
        <location filename="../main_window.cc" line="97"/>
        <source>Verbindingsstatus</source>
        <translation>Connection status</translation>
    </message>
    <message>
        <location filename="../main_window.cc" line="113"/>
        <location filename="../main_window.cc" line="195"/>
        <source>Verbonden met %1</source>
        <translation>Connected to %1</translation>
    </message>
    <message>
        <location filename="../main_window.cc" line="191"/>
        <source>Geen verbinding met %1</source>
        <translation>No connection to %1</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::MyCasesView</name>
    <message>
        <location filename="../my_cases_view.cc" line="52"/>
        <source>&lt;h2&gt;Mijn casussen&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;My cases&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../my_cases_view.cc" line="53"/>
        <source>&amp;Vernieuwen (F5)</source>
        <translation>&amp;Refresh (F5)</translation>
    </message>
    <message>
        <location filename="../my_cases_view.cc" line="54"/>
        <source>Mijn casussen vernieuwen</source>
        <translation>Refresh my cases</translation>
    </message>
    <message>
        <location filename="../my_cases_view.cc" line="56"/>
        <source>&amp;Openen</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <location filename="../my_cases_view.cc" line="58"/>
        <source>Geselecteerde casus openen</source>
        <translation>Open selected case</translation>
    </message>
    <message>
        <location filename="../my_cases_view.cc" line="69"/>
        <source>Mijn casussen</source>
        <translation>My cases</translation>
    </message>
    <message>
        <location filename="../my_cases_view.cc" line="70"/>
        <source>Kenmerk</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location filename="../my_cases_view.cc" line="70"/>
        <source>Mijn rol</source>
        <translation>My role</translation>
    </message>
    <message>
        <location filename="../my_cases_view.cc" line="70"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../my_cases_view.cc" line="70"/>
        <source>Geopend</source>
        <translation>Opened</translation>
    </message>
    <message>
        <location filename="../my_cases_view.cc" line="71"/>
        <source>Open acties</source>
        <translation>Open actions</translation>
    </message>
    <message>
        <location filename="../my_cases_view.cc" line="71"/>
        <source>Te laat</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../my_cases_view.cc" line="127"/>
        <source>Laden…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../my_cases_view.cc" line="158"/>
        <source>U staat op geen enkele casus.</source>
        <translation>You are not on any case.</translation>
    </message>
    <message>
        <location filename="../my_cases_view.cc" line="159"/>
        <source>Aantal casussen: %1</source>
        <translation>Cases: %1</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::PersonDialog</name>
    <message>
        <location filename="../case_family_dialogs.cc" line="137"/>
        <source>Persoon toevoegen</source>
        <translation>Add person</translation>
    </message>
    <message>
        <location filename="../case_family_dialogs.cc" line="138"/>
        <source>&amp;Toevoegen</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <location filename="../case_family_dialogs.cc" line="145"/>
        <source>Persoon wijzigen</source>
        <translation>Edit person</translation>
    </message>
    <message>
        <location filename="../case_family_dialogs.cc" line="145"/>
        <source>&amp;Opslaan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../case_family_dialogs.cc" line="155"/>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../case_family_dialogs.cc" line="158"/>
        <source>Rol in het gezinssysteem</source>
        <translation>Role in the family system</translation>
    </message>
    <message>
        <location filename="../case_family_dialogs.cc" line="159"/>
        <source>— kies een rol —</source>
        <translation>— choose a role —</translation>
    </message>
    <message>
        <location filename="../case_family_dialogs.cc" line="166"/>
        <source>&amp;Bekend</source>
        <translation>&amp;Known</translation>
    </message>
    <message>
        <location filename="../case_family_dialogs.cc" line="168"/>
        <source>Geboortedatum bekend</source>
        <translation>Date of birth known</translation>
    </message>
    <message>
        <location filename="../case_family_dialogs.cc" line="171"/>
        <source>Geboortedatum</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../case_family_dialogs.cc" line="182"/>
        <source>BSN</source>
        <translation>BSN</translation>
    </message>
    <message>
        <location filename="../case_family_dialogs.cc" line="185"/>
        <source>9 cijfers, of leeg</source>
        <translation>9 digits, or empty</translation>
    </message>
    <message>
        <location filename="../case_family_dialogs.cc" line="194"/>
        <source>BSN &amp;wissen</source>
        <translation>&amp;Clear BSN</translation>
    </message>
    <message>
        <location filename="../case_family_dialogs.cc" line="196"/>
        <source>Het bekende BSN wissen</source>
        <translation>Clear the known BSN</translation>
    </message>
    <message>
        <location filename="../case_family_dialogs.cc" line="200"/>
        <source>Straat</source>
        <translation>Street</translation>
    </message>
    <message>
        <location filename="../case_family_dialogs.cc" line="201"/>
        <source>Huisnummer</source>
        <translation>House number</translation>
    </message>
    <message>
        <location filename="../case_family_dialogs.cc" line="202"/>
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <location filename="../case_family_dialogs.cc" line="203"/>
        <source>Woonplaats</source>
        <translation>Town</translation>
    </message>
    <message>
        <location filename="../case_family_dialogs.cc" line="211"/>
        <source>&amp;Naam:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../case_family_dialogs.cc" line="212"/>
        <source>&amp;Rol:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <location filename="../case_family_dialogs.cc" line="219"/>
        <source>&amp;Geboortedatum:</source>
        <translation>&amp;Date of birth:</translation>
    </message>
    <message>
        <location filename="../case_family_dialogs.cc" line="220"/>
        <source>B&amp;SN:</source>
        <translation>&amp;BSN:</translation>
    </message>
    <message>
        <location filename="../case_family_dialogs.cc" line="221"/>
        <source>Straat en &amp;huisnummer:</source>
        <translation>Street and &amp;house number:</translation>
    </message>
    <message>
        <location filename="../case_family_dialogs.cc" line="222"/>
        <source>&amp;Postcode en woonplaats:</source>
        <translation>&amp;Postcode and town:</translation>
    </message>
    <message>
        <location filename="../case_family_dialogs.cc" line="264"/>
        <source>Bekend: %1. Laat het veld leeg om dit BSN te houden.</source>
        <translation>Known: %1. Leave the field empty to keep this BSN.</translation>
    </message>
    <message>
        <location filename="../case_family_dialogs.cc" line="266"/>
        <source>Geen BSN bekend.</source>
        <translation>No BSN known.</translation>
    </message>
    <message>
        <location filename="../case_family_dialogs.cc" line="341"/>
        <source>De actuele gegevens worden geladen…</source>
        <translation>Loading the current data…</translation>
    </message>
    <message>
        <location filename="../case_family_dialogs.cc" line="363"/>
        <source>De actuele gegevens zijn geladen. Breng uw wijziging opnieuw aan.</source>
        <translation>The current data has been loaded. Please make your change again.</translation>
    </message>
    <message>
        <location filename="../case_family_dialogs.cc" line="367"/>
        <source>Deze persoon staat niet meer in de casus.</source>
        <translation>This person is no longer in the case.</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::PlanDraftDialog</name>
    <message>
        <location filename="../case_plan_editor.cc" line="265"/>
        <source>Concept bewerken</source>
        <translation>Edit draft</translation>
    </message>
    <message>
        <location filename="../case_plan_editor.cc" line="265"/>
        <source>Concept &amp;opslaan</source>
        <translation>&amp;Save draft</translation>
    </message>
    <message>
        <location filename="../case_plan_editor.cc" line="268"/>
        <source>Concept versie %1. Voeg per onderdeel regels toe, wijzig of verwijder ze; onderdelen die voor uw organisatie verborgen zijn blijven zoals ze zijn.</source>
        <translation>Draft version %1. Add, change or remove lines per section; sections hidden from your organisation stay as they are.</translation>
    </message>
    <message>
        <location filename="../case_plan_editor.cc" line="274"/>
        <source>Onderdelen van het plan</source>
        <translation>Sections of the plan</translation>
    </message>
    <message>
        <location filename="../case_plan_editor.cc" line="278"/>
        <source>Evaluatiedatum</source>
        <translation>Evaluation date</translation>
    </message>
    <message>
        <location filename="../case_plan_editor.cc" line="279"/>
        <source>&amp;Evaluatiedatum:</source>
        <translation>&amp;Evaluation date:</translation>
    </message>
    <message>
        <location filename="../case_plan_editor.cc" line="306"/>
        <source>Regel &amp;toevoegen</source>
        <translation>&amp;Add line</translation>
    </message>
    <message>
        <location filename="../case_plan_editor.cc" line="356"/>
        <source>Het concept is opgeslagen.</source>
        <translation>The draft has been saved.</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::PlanFormDialog</name>
    <message>
        <location filename="../case_plan_dialogs.cc" line="52"/>
        <source>Iemand anders heeft het concept intussen gewijzigd.</source>
        <translation>Someone else has changed the draft in the meantime.</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::PlanLoadingDialog</name>
    <message>
        <location filename="../case_plan_dialogs.cc" line="161"/>
        <source>Veiligheidsplan laden…</source>
        <translation>Loading safety plan…</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::PlanStepDialog</name>
    <message>
        <location filename="../case_plan_tab.cc" line="130"/>
        <source>Concept starten</source>
        <translation>Start draft</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="131"/>
        <source>Ter ondertekening voorleggen</source>
        <translation>Submit for signing</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="132"/>
        <source>Ondertekenen</source>
        <translation>Sign</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="133"/>
        <source>Concept &amp;starten</source>
        <translation>&amp;Start draft</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="134"/>
        <source>&amp;Voorleggen</source>
        <translation>S&amp;ubmit</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="135"/>
        <source>&amp;Ondertekenen</source>
        <translation>Si&amp;gn</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="144"/>
        <source>Er wordt een concept gemaakt: leeg als er nog geen plan is, anders een kopie van de nieuwste versie. Het casusteam werkt samen aan één concept.</source>
        <translation>A draft is created: empty if there is no plan yet, otherwise a copy of the latest version. The case team works together on one draft.</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="146"/>
        <source>Het concept is gestart.</source>
        <translation>The draft has been started.</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="150"/>
        <source>Concept versie %1 wordt ter ondertekening voorgelegd. Daarna verandert deze versie niet meer.</source>
        <translation>Draft version %1 is submitted for signing. After that, this version no longer changes.</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="153"/>
        <source>Versie %1 ligt ter ondertekening voor.</source>
        <translation>Version %1 is awaiting signatures.</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="157"/>
        <source>U ondertekent versie %1 namens uw organisatie. Het plan gaat in zodra ieder die moet tekenen heeft getekend.</source>
        <translation>You sign version %1 on behalf of your organisation. The plan comes into force as soon as everyone who must sign has signed.</translation>
    </message>
    <message>
        <location filename="../case_plan_tab.cc" line="160"/>
        <source>Uw ondertekening van versie %1 is vastgelegd.</source>
        <translation>Your signature of version %1 has been recorded.</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::ProposeHandoverDialog</name>
    <message>
        <location filename="../handover_propose_dialog.cc" line="64"/>
        <source>Overdracht voorstellen</source>
        <translation>Propose handover</translation>
    </message>
    <message>
        <location filename="../handover_propose_dialog.cc" line="64"/>
        <source>Voorste&amp;llen</source>
        <translation>&amp;Propose</translation>
    </message>
    <message>
        <location filename="../handover_propose_dialog.cc" line="72"/>
        <source>Ontvangende organisatie</source>
        <translation>Receiving organisation</translation>
    </message>
    <message>
        <location filename="../handover_propose_dialog.cc" line="73"/>
        <source>Organisaties laden…</source>
        <translation>Loading organisations…</translation>
    </message>
    <message>
        <location filename="../handover_propose_dialog.cc" line="77"/>
        <source>Ontvangende professional (optioneel)</source>
        <translation>Receiving professional (optional)</translation>
    </message>
    <message>
        <location filename="../handover_propose_dialog.cc" line="78"/>
        <location filename="../handover_propose_dialog.cc" line="165"/>
        <source>Geen voorkeur</source>
        <translation>No preference</translation>
    </message>
    <message>
        <location filename="../handover_propose_dialog.cc" line="82"/>
        <source>Fase waarin de ontvanger de regie voert</source>
        <translation>Phase in which the receiver holds lead responsibility</translation>
    </message>
    <message>
        <location filename="../handover_propose_dialog.cc" line="83"/>
        <source>Kies een fase</source>
        <translation>Choose a phase</translation>
    </message>
    <message>
        <location filename="../handover_propose_dialog.cc" line="88"/>
        <source>Samenvatting voor de ontvanger</source>
        <translation>Summary for the receiver</translation>
    </message>
    <message>
        <location filename="../handover_propose_dialog.cc" line="90"/>
        <source>Veiligheidsvoorwaarden, één per regel</source>
        <translation>Safety conditions, one per line</translation>
    </message>
    <message>
        <location filename="../handover_propose_dialog.cc" line="91"/>
        <source>Afspraken, één per regel</source>
        <translation>Agreements, one per line</translation>
    </message>
    <message>
        <location filename="../handover_propose_dialog.cc" line="92"/>
        <source>Open risico&apos;s, één per regel</source>
        <translation>Open risks, one per line</translation>
    </message>
    <message>
        <location filename="../handover_propose_dialog.cc" line="93"/>
        <source>Open acties, één per regel</source>
        <translation>Open actions, one per line</translation>
    </message>
    <message>
        <location filename="../handover_propose_dialog.cc" line="95"/>
        <source>De fa&amp;milie is ingelicht</source>
        <translation>The fa&amp;mily has been informed</translation>
    </message>
    <message>
        <location filename="../handover_propose_dialog.cc" line="97"/>
        <source>De familie is ingelicht</source>
        <translation>The family has been informed</translation>
    </message>
    <message>
        <location filename="../handover_propose_dialog.cc" line="101"/>
        <source>Werkdagen om te accepteren</source>
        <translation>Working days to accept</translation>
    </message>
    <message>
        <location filename="../handover_propose_dialog.cc" line="103"/>
        <source>standaard</source>
        <translation>default</translation>
    </message>
    <message>
        <location filename="../handover_propose_dialog.cc" line="105"/>
        <source>&amp;Ontvangende organisatie:</source>
        <translation>Receiving &amp;organisation:</translation>
    </message>
    <message>
        <location filename="../handover_propose_dialog.cc" line="106"/>
        <source>Ontvangende &amp;professional:</source>
        <translation>Receiving pro&amp;fessional:</translation>
    </message>
    <message>
        <location filename="../handover_propose_dialog.cc" line="107"/>
        <source>&amp;Fase:</source>
        <translation>P&amp;hase:</translation>
    </message>
    <message>
        <location filename="../handover_propose_dialog.cc" line="108"/>
        <source>&amp;Samenvatting:</source>
        <translation>&amp;Summary:</translation>
    </message>
    <message>
        <location filename="../handover_propose_dialog.cc" line="109"/>
        <source>&amp;Veiligheidsvoorwaarden:</source>
        <translation>Safety &amp;conditions:</translation>
    </message>
    <message>
        <location filename="../handover_propose_dialog.cc" line="110"/>
        <source>Afspr&amp;aken:</source>
        <translation>&amp;Agreements:</translation>
    </message>
    <message>
        <location filename="../handover_propose_dialog.cc" line="111"/>
        <source>Open &amp;risico&apos;s:</source>
        <translation>Open &amp;risks:</translation>
    </message>
    <message>
        <location filename="../handover_propose_dialog.cc" line="112"/>
        <source>Open a&amp;cties:</source>
        <translation>Open ac&amp;tions:</translation>
    </message>
    <message>
        <location filename="../handover_propose_dialog.cc" line="114"/>
        <source>&amp;Termijn om te accepteren (werkdagen):</source>
        <translation>&amp;Deadline to accept (working days):</translation>
    </message>
    <message>
        <location filename="../handover_propose_dialog.cc" line="145"/>
        <source>Organisaties konden niet worden gelezen</source>
        <translation>Organisations could not be read</translation>
    </message>
    <message>
        <location filename="../handover_propose_dialog.cc" line="147"/>
        <source>De organisaties konden niet worden gelezen: %1</source>
        <translation>The organisations could not be read: %1</translation>
    </message>
    <message>
        <location filename="../handover_propose_dialog.cc" line="150"/>
        <source>Kies een organisatie</source>
        <translation>Choose an organisation</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::RecordFamilyAgreementDialog</name>
    <message>
        <location filename="../case_plan_records.cc" line="120"/>
        <source>Afspraak met gezin vastleggen</source>
        <translation>Record family agreement</translation>
    </message>
    <message>
        <location filename="../case_plan_records.cc" line="121"/>
        <source>Afspraak &amp;vastleggen</source>
        <translation>&amp;Record agreement</translation>
    </message>
    <message>
        <location filename="../case_plan_records.cc" line="124"/>
        <source>Leg vast welk gezinslid met versie %1 van het veiligheidsplan heeft ingestemd, hoe en wanneer.</source>
        <translation>Record which family member agreed to version %1 of the safety plan, how and when.</translation>
    </message>
    <message>
        <location filename="../case_plan_records.cc" line="130"/>
        <source>Gezinslid dat instemde</source>
        <translation>Family member who agreed</translation>
    </message>
    <message>
        <location filename="../case_plan_records.cc" line="133"/>
        <source>Hoe het gezinslid instemde</source>
        <translation>How the family member agreed</translation>
    </message>
    <message>
        <location filename="../case_plan_records.cc" line="140"/>
        <source>Wanneer het gezinslid instemde</source>
        <translation>When the family member agreed</translation>
    </message>
    <message>
        <location filename="../case_plan_records.cc" line="141"/>
        <source>&amp;Gezinslid:</source>
        <translation>&amp;Family member:</translation>
    </message>
    <message>
        <location filename="../case_plan_records.cc" line="142"/>
        <source>&amp;Hoe:</source>
        <translation>&amp;How:</translation>
    </message>
    <message>
        <location filename="../case_plan_records.cc" line="143"/>
        <source>&amp;Wanneer (Amsterdam):</source>
        <translation>&amp;When (Amsterdam):</translation>
    </message>
    <message>
        <location filename="../case_plan_records.cc" line="150"/>
        <source>De instemming van het gezin met versie %1 is vastgelegd.</source>
        <translation>The family&apos;s agreement to version %1 has been recorded.</translation>
    </message>
    <message>
        <location filename="../case_plan_records.cc" line="156"/>
        <source>Personen van de casus laden…</source>
        <translation>Loading the case&apos;s persons…</translation>
    </message>
    <message>
        <location filename="../case_plan_records.cc" line="179"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../case_plan_records.cc" line="185"/>
        <source>Deze casus heeft geen personen.</source>
        <translation>This case has no persons.</translation>
    </message>
    <message>
        <location filename="../case_plan_records.cc" line="207"/>
        <source>Alleen de casusregisseur legt de instemming van het gezin vast.</source>
        <translation>Only the case director records the family&apos;s agreement.</translation>
    </message>
    <message>
        <location filename="../case_plan_records.cc" line="210"/>
        <source>Bij eergerelateerd geweld wordt de familie nooit betrokken.</source>
        <translation>In honour-related violence the family is never involved.</translation>
    </message>
    <message>
        <location filename="../case_plan_records.cc" line="213"/>
        <source>Het gezin stemt in met een voorgelegde of geldende versie, niet met een concept of een oude versie.</source>
        <translation>The family agrees to a proposed version or the version in force, not to a draft or an old version.</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::RecordIncidentDialog</name>
    <message>
        <location filename="../case_plan_dialogs.cc" line="67"/>
        <source>Incident vastleggen</source>
        <translation>Record incident</translation>
    </message>
    <message>
        <location filename="../case_plan_dialogs.cc" line="68"/>
        <source>Incident &amp;vastleggen</source>
        <translation>&amp;Record incident</translation>
    </message>
    <message>
        <location filename="../case_plan_dialogs.cc" line="70"/>
        <source>Een nieuw onveilig voorval: de casus gaat terug naar de fase directe veiligheid en het plan moet binnen enkele werkdagen worden herzien.</source>
        <translation>A new unsafe event: the case goes back to the direct safety phase and the plan must be revised within a few working days.</translation>
    </message>
    <message>
        <location filename="../case_plan_dialogs.cc" line="81"/>
        <source>Wanneer het incident plaatsvond</source>
        <translation>When the incident took place</translation>
    </message>
    <message>
        <location filename="../case_plan_dialogs.cc" line="86"/>
        <source>Wat er gebeurde</source>
        <translation>What happened</translation>
    </message>
    <message>
        <location filename="../case_plan_dialogs.cc" line="90"/>
        <source>Kenmerk van de politie</source>
        <translation>Police reference</translation>
    </message>
    <message>
        <location filename="../case_plan_dialogs.cc" line="93"/>
        <source>Gemeld door (een rol of organisatie, geen naam)</source>
        <translation>Reported by (a role or organisation, not a name)</translation>
    </message>
    <message>
        <location filename="../case_plan_dialogs.cc" line="96"/>
        <source>politie</source>
        <translation>police</translation>
    </message>
    <message>
        <location filename="../case_plan_dialogs.cc" line="96"/>
        <source>school</source>
        <translation>school</translation>
    </message>
    <message>
        <location filename="../case_plan_dialogs.cc" line="96"/>
        <source>buren</source>
        <translation>neighbours</translation>
    </message>
    <message>
        <location filename="../case_plan_dialogs.cc" line="96"/>
        <source>huisarts</source>
        <translation>GP</translation>
    </message>
    <message>
        <location filename="../case_plan_dialogs.cc" line="96"/>
        <source>wijkteam</source>
        <translation>local team</translation>
    </message>
    <message>
        <location filename="../case_plan_dialogs.cc" line="96"/>
        <source>gezin</source>
        <translation>family</translation>
    </message>
    <message>
        <location filename="../case_plan_dialogs.cc" line="98"/>
        <source>Gevoeligheid van het incident</source>
        <translation>Incident sensitivity</translation>
    </message>
    <message>
        <location filename="../case_plan_dialogs.cc" line="104"/>
        <source>&amp;Wanneer (Amsterdam):</source>
        <translation>&amp;When (Amsterdam):</translation>
    </message>
    <message>
        <location filename="../case_plan_dialogs.cc" line="105"/>
        <source>W&amp;at gebeurde er:</source>
        <translation>W&amp;hat happened:</translation>
    </message>
    <message>
        <location filename="../case_plan_dialogs.cc" line="106"/>
        <source>&amp;Politiekenmerk:</source>
        <translation>&amp;Police reference:</translation>
    </message>
    <message>
        <location filename="../case_plan_dialogs.cc" line="107"/>
        <source>&amp;Gemeld door:</source>
        <translation>Reported &amp;by:</translation>
    </message>
    <message>
        <location filename="../case_plan_dialogs.cc" line="108"/>
        <source>Ge&amp;voeligheid:</source>
        <translation>&amp;Sensitivity:</translation>
    </message>
    <message>
        <location filename="../case_plan_dialogs.cc" line="141"/>
        <source>Het incident is vastgelegd. De casus is terug in de fase %1.</source>
        <translation>The incident has been recorded. The case is back in the %1 phase.</translation>
    </message>
    <message>
        <location filename="../case_plan_dialogs.cc" line="143"/>
        <source>Het incident is vastgelegd.</source>
        <translation>The incident has been recorded.</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::RecordMeetingDialog</name>
    <message>
        <location filename="../case_meeting_dialog.cc" line="250"/>
        <source>Overleg vastleggen</source>
        <translation>Record meeting</translation>
    </message>
    <message>
        <location filename="../case_meeting_dialog.cc" line="250"/>
        <source>Overleg &amp;vastleggen</source>
        <translation>&amp;Record meeting</translation>
    </message>
    <message>
        <location filename="../case_meeting_dialog.cc" line="255"/>
        <source>Datum van het overleg</source>
        <translation>Date of the meeting</translation>
    </message>
    <message>
        <location filename="../case_meeting_dialog.cc" line="259"/>
        <source>Onafhankelijk voorzitter</source>
        <translation>Independent chair</translation>
    </message>
    <message>
        <location filename="../case_meeting_dialog.cc" line="260"/>
        <source>Het &amp;gezin nam deel</source>
        <translation>The &amp;family took part</translation>
    </message>
    <message>
        <location filename="../case_meeting_dialog.cc" line="262"/>
        <source>Het gezin nam deel</source>
        <translation>The family took part</translation>
    </message>
    <message>
        <location filename="../case_meeting_dialog.cc" line="265"/>
        <source>Eergerelateerd geweld: het gezin wordt niet betrokken.</source>
        <translation>Honour-related violence: the family is not involved.</translation>
    </message>
    <message>
        <location filename="../case_meeting_dialog.cc" line="270"/>
        <source>Aanwezigen uit het casusteam</source>
        <translation>Attendees from the case team</translation>
    </message>
    <message>
        <location filename="../case_meeting_dialog.cc" line="275"/>
        <source>%1 — %2 (%3)</source>
        <translation>%1 — %2 (%3)</translation>
    </message>
    <message>
        <location filename="../case_meeting_dialog.cc" line="291"/>
        <source>Verslag</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <location filename="../case_meeting_dialog.cc" line="296"/>
        <source>Gevoeligheid van het verslag</source>
        <translation>Minutes sensitivity</translation>
    </message>
    <message>
        <location filename="../case_meeting_dialog.cc" line="299"/>
        <source>&amp;Besluit toevoegen</source>
        <translation>Add d&amp;ecision</translation>
    </message>
    <message>
        <location filename="../case_meeting_dialog.cc" line="299"/>
        <source>Besluit</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../case_meeting_dialog.cc" line="302"/>
        <source>Besluiten en acties</source>
        <translation>Decisions and actions</translation>
    </message>
    <message>
        <location filename="../case_meeting_dialog.cc" line="308"/>
        <source>&amp;Datum:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <location filename="../case_meeting_dialog.cc" line="311"/>
        <source>&amp;Voorzitter:</source>
        <translation>&amp;Chair:</translation>
    </message>
    <message>
        <location filename="../case_meeting_dialog.cc" line="315"/>
        <source>&amp;Aanwezigen:</source>
        <translation>A&amp;ttendees:</translation>
    </message>
    <message>
        <location filename="../case_meeting_dialog.cc" line="318"/>
        <source>Vers&amp;lag:</source>
        <translation>&amp;Minutes:</translation>
    </message>
    <message>
        <location filename="../case_meeting_dialog.cc" line="321"/>
        <source>Gevoeligheid verslag:</source>
        <translation>Minutes sensitivity:</translation>
    </message>
    <message>
        <location filename="../case_meeting_dialog.cc" line="322"/>
        <source>Besluiten en acties:</source>
        <translation>Decisions and actions:</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::RecordRiskInstrumentDialog</name>
    <message>
        <location filename="../case_plan_records.cc" line="224"/>
        <source>Risicotaxatie vastleggen</source>
        <translation>Record risk assessment</translation>
    </message>
    <message>
        <location filename="../case_plan_records.cc" line="225"/>
        <source>Risicotaxatie &amp;vastleggen</source>
        <translation>&amp;Record risk assessment</translation>
    </message>
    <message>
        <location filename="../case_plan_records.cc" line="229"/>
        <source>Instrument van de risicotaxatie</source>
        <translation>Instrument of the risk assessment</translation>
    </message>
    <message>
        <location filename="../case_plan_records.cc" line="234"/>
        <source>— kies een instrument —</source>
        <translation>— choose an instrument —</translation>
    </message>
    <message>
        <location filename="../case_plan_records.cc" line="240"/>
        <source>Versie van het instrument</source>
        <translation>Version of the instrument</translation>
    </message>
    <message>
        <location filename="../case_plan_records.cc" line="243"/>
        <source>Wanneer de risicotaxatie is afgenomen</source>
        <translation>When the risk assessment was made</translation>
    </message>
    <message>
        <location filename="../case_plan_records.cc" line="246"/>
        <source>Uitkomst van de risicotaxatie</source>
        <translation>Outcome of the risk assessment</translation>
    </message>
    <message>
        <location filename="../case_plan_records.cc" line="249"/>
        <source>Notities bij de risicotaxatie</source>
        <translation>Notes on the risk assessment</translation>
    </message>
    <message>
        <location filename="../case_plan_records.cc" line="252"/>
        <source>Gevoeligheid van de notities</source>
        <translation>Sensitivity of the notes</translation>
    </message>
    <message>
        <location filename="../case_plan_records.cc" line="253"/>
        <source>&amp;Instrument:</source>
        <translation>&amp;Instrument:</translation>
    </message>
    <message>
        <location filename="../case_plan_records.cc" line="254"/>
        <source>V&amp;ersie van het instrument:</source>
        <translation>V&amp;ersion of the instrument:</translation>
    </message>
    <message>
        <location filename="../case_plan_records.cc" line="255"/>
        <source>&amp;Afgenomen op (Amsterdam):</source>
        <translation>&amp;Assessed on (Amsterdam):</translation>
    </message>
    <message>
        <location filename="../case_plan_records.cc" line="256"/>
        <source>&amp;Uitkomst:</source>
        <translation>O&amp;utcome:</translation>
    </message>
    <message>
        <location filename="../case_plan_records.cc" line="257"/>
        <source>&amp;Notities:</source>
        <translation>&amp;Notes:</translation>
    </message>
    <message>
        <location filename="../case_plan_records.cc" line="258"/>
        <source>Ge&amp;voeligheid:</source>
        <translation>Sensiti&amp;vity:</translation>
    </message>
    <message>
        <location filename="../case_plan_records.cc" line="273"/>
        <source>De risicotaxatie is vastgelegd.</source>
        <translation>The risk assessment has been recorded.</translation>
    </message>
    <message>
        <location filename="../case_plan_records.cc" line="279"/>
        <source>— kies de uitkomst —</source>
        <translation>— choose the outcome —</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::RelationDialog</name>
    <message>
        <location filename="../case_family_dialogs.cc" line="375"/>
        <source>Relatie toevoegen</source>
        <translation>Add relationship</translation>
    </message>
    <message>
        <location filename="../case_family_dialogs.cc" line="376"/>
        <source>&amp;Toevoegen</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <location filename="../case_family_dialogs.cc" line="380"/>
        <source>Eerste persoon van de relatie</source>
        <translation>First person in the relationship</translation>
    </message>
    <message>
        <location filename="../case_family_dialogs.cc" line="383"/>
        <source>Tweede persoon van de relatie</source>
        <translation>Second person in the relationship</translation>
    </message>
    <message>
        <location filename="../case_family_dialogs.cc" line="393"/>
        <source>Soort relatie</source>
        <translation>Type of relationship</translation>
    </message>
    <message>
        <location filename="../case_family_dialogs.cc" line="394"/>
        <source>— kies een soort —</source>
        <translation>— choose a type —</translation>
    </message>
    <message>
        <location filename="../case_family_dialogs.cc" line="400"/>
        <source>&amp;Van:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <location filename="../case_family_dialogs.cc" line="401"/>
        <source>&amp;Relatie:</source>
        <translation>&amp;Relationship:</translation>
    </message>
    <message>
        <location filename="../case_family_dialogs.cc" line="402"/>
        <source>&amp;Naar:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <location filename="../case_family_dialogs.cc" line="404"/>
        <source>Bij &quot;ouder van&quot; is de eerste persoon de ouder van de tweede.</source>
        <translation>For &quot;parent of&quot;, the first person is the parent of the second.</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::RemoveTeamMemberDialog</name>
    <message>
        <location filename="../case_team_dialogs.cc" line="191"/>
        <source>Teamlid verwijderen</source>
        <translation>Remove team member</translation>
    </message>
    <message>
        <location filename="../case_team_dialogs.cc" line="192"/>
        <source>&amp;Verwijderen</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <location filename="../case_team_dialogs.cc" line="195"/>
        <source>%1 verlaat het casusteam. Wat diegene vastlegde blijft bij de casus.</source>
        <translation>%1 leaves the case team. What they recorded stays with the case.</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::ReopenCaseDialog</name>
    <message>
        <location filename="../case_team_dialogs.cc" line="341"/>
        <source>Casus heropenen</source>
        <translation>Reopen case</translation>
    </message>
    <message>
        <location filename="../case_team_dialogs.cc" line="342"/>
        <source>Casus &amp;heropenen</source>
        <translation>Re&amp;open case</translation>
    </message>
    <message>
        <location filename="../case_team_dialogs.cc" line="344"/>
        <source>Reden van heropenen</source>
        <translation>Reason for reopening</translation>
    </message>
    <message>
        <location filename="../case_team_dialogs.cc" line="346"/>
        <source>Gevoeligheid van de reden</source>
        <translation>Sensitivity of the reason</translation>
    </message>
    <message>
        <location filename="../case_team_dialogs.cc" line="347"/>
        <source>&amp;Reden:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <location filename="../case_team_dialogs.cc" line="348"/>
        <source>&amp;Gevoeligheid:</source>
        <translation>&amp;Sensitivity:</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::SignInDialog</name>
    <message>
        <location filename="../sign_in_dialog.cc" line="42"/>
        <source>Aanmelden bij Schakel</source>
        <translation>Sign in to Schakel</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="51"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="54"/>
        <source>host:poort</source>
        <translation>host:port</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="55"/>
        <source>Certificaatbestand</source>
        <translation>Certificate file</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="57"/>
        <source>Sleutelbestand</source>
        <translation>Key file</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="59"/>
        <source>CA-bestand</source>
        <translation>CA file</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="61"/>
        <source>Wachtwoord van het PKCS#12-bestand</source>
        <translation>Password of the PKCS#12 file</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="71"/>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="76"/>
        <source>Bladeren…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="77"/>
        <source>Bladeren: %1</source>
        <translation>Browse: %1</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="83"/>
        <source>Certificaat kiezen</source>
        <translation>Choose certificate</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="83"/>
        <source>&amp;Certificaat (PEM of PKCS#12):</source>
        <translation>&amp;Certificate (PEM or PKCS#12):</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="84"/>
        <source>&amp;Sleutel (PEM):</source>
        <translation>&amp;Key (PEM):</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="84"/>
        <source>Sleutel kiezen</source>
        <translation>Choose key</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="85"/>
        <source>&amp;Wachtwoord:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="86"/>
        <source>C&amp;A (PEM):</source>
        <translation>C&amp;A (PEM):</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="86"/>
        <source>CA-certificaat kiezen</source>
        <translation>Choose CA certificate</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="94"/>
        <source>Meldingen</source>
        <translation>Messages</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="96"/>
        <source>Aanmelden</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="99"/>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="117"/>
        <source>Certificaten en sleutels (*.pem *.crt *.key *.p12 *.pfx);;Alle bestanden (*)</source>
        <translation>Certificates and keys (*.pem *.crt *.key *.p12 *.pfx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="127"/>
        <source>Het certificaatbestand</source>
        <translation>The certificate file</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="128"/>
        <source>Het sleutelbestand</source>
        <translation>The key file</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="129"/>
        <source>Het CA-bestand</source>
        <translation>The CA file</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="133"/>
        <source>%1 is niet gekozen.</source>
        <translation>%1 has not been chosen.</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="135"/>
        <source>%1 „%2” bestaat niet.</source>
        <translation>%1 “%2” does not exist.</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="137"/>
        <source>%1 „%2” kan niet worden gelezen.</source>
        <translation>%1 “%2” cannot be read.</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="145"/>
        <source>Het sleutelbestand „%1” is ook voor anderen leesbaar. Maak het alleen voor uzelf leesbaar (chmod 600 %1).</source>
        <translation>The key file “%1” can be read by others too. Make it readable for you alone (chmod 600 %1).</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="156"/>
        <source>Vul het adres van de server in (host:poort).</source>
        <translation>Enter the address of the server (host:port).</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="177"/>
        <source>Het adres van de server klopt niet: gebruik host:poort, of per dienst directory=host:poort,cases=host:poort,…</source>
        <translation>The server address is not right: use host:port, or one per service: directory=host:port,cases=host:port,…</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="187"/>
        <source>Bezig met aanmelden…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="208"/>
        <source>Het PKCS#12-bestand gaat niet open: het wachtwoord is onjuist of het bestand is geen PKCS#12-bestand.</source>
        <translation>The PKCS#12 file cannot be opened: the password is incorrect or the file is not a PKCS#12 file.</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="216"/>
        <source>De certificaatbestanden konden niet worden gelezen: %1</source>
        <translation>The certificate files could not be read: %1</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="229"/>
        <source>Uw certificaat wordt niet (meer) geaccepteerd. Neem contact op met uw beheerder.</source>
        <translation>Your certificate is not (or no longer) accepted. Please contact your administrator.</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="234"/>
        <source>Aangemeld als %1</source>
        <translation>Signed in as %1</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::SupervisionView</name>
    <message>
        <location filename="../supervision_view.cc" line="68"/>
        <source>&lt;h2&gt;Toezicht&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Supervision&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="71"/>
        <source>Periode vanaf</source>
        <translation>Period from</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="72"/>
        <source>Periode tot en met</source>
        <translation>Period up to and including</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="73"/>
        <source>&amp;Periode van</source>
        <translation>&amp;Period from</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="75"/>
        <source>t&amp;ot en met</source>
        <translation>up t&amp;o and including</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="82"/>
        <source>&amp;Vernieuwen (F5)</source>
        <translation>&amp;Refresh (F5)</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="84"/>
        <source>Toezicht vernieuwen</source>
        <translation>Refresh supervision</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="86"/>
        <source>E&amp;xporteren naar CSV…</source>
        <translation>E&amp;xport to CSV…</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="88"/>
        <source>Rapport exporteren naar CSV</source>
        <translation>Export report to CSV</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="90"/>
        <source>&amp;Annuleren</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="92"/>
        <source>Ophalen annuleren</source>
        <translation>Cancel retrieval</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="111"/>
        <source>Bezig met ophalen</source>
        <translation>Retrieving</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="122"/>
        <source>Overdrachtsrapport</source>
        <translation>Handover report</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="122"/>
        <location filename="../supervision_view.cc" line="162"/>
        <source>Maatstaf</source>
        <translation>Measure</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="122"/>
        <location filename="../supervision_view.cc" line="162"/>
        <source>Waarde</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="124"/>
        <location filename="../supervision_view.cc" line="487"/>
        <source>Overdrachten per organisatie</source>
        <translation>Handovers per organisation</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="125"/>
        <source>Organisatie</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="125"/>
        <location filename="../supervision_view.cc" line="175"/>
        <source>Ontvangen</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="125"/>
        <source>Geaccepteerd</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="126"/>
        <source>Afgewezen</source>
        <translation>Declined</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="126"/>
        <location filename="../supervision_view.cc" line="159"/>
        <source>Te laat</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="126"/>
        <source>Verzonden</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="128"/>
        <source>Grafiek tijd tot acceptatie</source>
        <translation>Chart of time to acceptance</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="130"/>
        <source>Grafiek overdrachten per organisatie</source>
        <translation>Chart of handovers per organisation</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="147"/>
        <location filename="../supervision_view.cc" line="488"/>
        <source>Gaten</source>
        <translation>Gaps</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="148"/>
        <location filename="../supervision_view.cc" line="181"/>
        <source>Casus</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="148"/>
        <location filename="../supervision_view.cc" line="175"/>
        <source>Soort</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="148"/>
        <source>Begin</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="148"/>
        <source>Einde</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="158"/>
        <source>Normen</source>
        <translation>Norms</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="159"/>
        <source>Norm</source>
        <translation>Norm</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="159"/>
        <source>Gemeten</source>
        <translation>Measured</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="159"/>
        <source>Op tijd</source>
        <translation>On time</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="160"/>
        <source>Percentage op tijd</source>
        <translation>Percentage on time</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="160"/>
        <source>Norm (minimaal)</source>
        <translation>Norm (minimum)</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="160"/>
        <source>Oordeel</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="162"/>
        <source>Intakecijfers</source>
        <translation>Intake figures</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="174"/>
        <source>Te vernietigen dossiers</source>
        <translation>Files to be destroyed</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="175"/>
        <source>Melding</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="175"/>
        <source>Afgesloten</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="176"/>
        <location filename="../supervision_view.cc" line="181"/>
        <source>Vernietigd op</source>
        <translation>Destroyed on</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="176"/>
        <location filename="../supervision_view.cc" line="181"/>
        <source>Juridische blokkade</source>
        <translation>Legal hold</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="180"/>
        <source>Te vernietigen casussen</source>
        <translation>Cases to be destroyed</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="181"/>
        <source>Gesloten</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="190"/>
        <source>Onderdelen van het toezicht</source>
        <translation>Sections of supervision</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="191"/>
        <source>Over&amp;drachten</source>
        <translation>Han&amp;dovers</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="192"/>
        <location filename="../supervision_view.cc" line="327"/>
        <location filename="../supervision_view.cc" line="347"/>
        <source>&amp;Gaten</source>
        <translation>&amp;Gaps</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="193"/>
        <source>&amp;Intake</source>
        <translation>&amp;Intake</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="194"/>
        <source>&amp;Vernietiging</source>
        <translation>&amp;Destruction</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="221"/>
        <source>Rapport exporteren</source>
        <translation>Export report</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="222"/>
        <source>CSV-bestanden (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="229"/>
        <source>Wacht tot het ophalen klaar is, of annuleer het.</source>
        <translation>Wait until retrieval has finished, or cancel it.</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="243"/>
        <source>Exporteren…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="243"/>
        <source>Laden…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="259"/>
        <source>Geannuleerd. De tabellen tonen wat ze eerder toonden.</source>
        <translation>Cancelled. The tables show what they showed before.</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="261"/>
        <source>Export geannuleerd.</source>
        <translation>Export cancelled.</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="288"/>
        <source>Bijgewerkt op %1.</source>
        <translation>Updated at %1.</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="298"/>
        <source>Niet geëxporteerd: %1</source>
        <translation>Not exported: %1</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="303"/>
        <source>Geëxporteerd naar %1.</source>
        <translation>Exported to %1.</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="320"/>
        <source>Niet bekend: het overdrachtsrapport kon niet worden opgehaald.</source>
        <translation>Unknown: the handover report could not be retrieved.</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="332"/>
        <source>Overdrachten voorgesteld van %1 tot en met %2; de gaten over alle casussen.</source>
        <translation>Handovers proposed from %1 up to and including %2; the gaps across all cases.</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="344"/>
        <source>Er zijn geen gaten: geen open casus zat zonder leidende organisatie, of met twee.</source>
        <translation>There are no gaps: no open case was without a lead organisation, or had two.</translation>
    </message>
    <message numerus="yes">
        <location filename="../supervision_view.cc" line="350"/>
        <source>%n gat(en): een open casus zat zonder leidende organisatie, of met twee. Zoek uit wie de leiding heeft.</source>
        <translation>
            <numerusform>%n gap(s): an open case was without a lead organisation, or had two. Find out who is in charge.</numerusform>
            <numerusform>%n gap(s): an open case was without a lead organisation, or had two. Find out who is in charge.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="354"/>
        <source>&amp;Gaten (%1)</source>
        <translation>&amp;Gaps (%1)</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="379"/>
        <source>Het intakeoverzicht is er alleen voor toezichthouders van Veilig Thuis; voor uw organisatie zijn er geen intakecijfers.</source>
        <translation>The intake overview is only available to Veilig Thuis supervisors; there are no intake figures for your organisation.</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="382"/>
        <source>Het intakeoverzicht wordt op deze server niet aangeboden.</source>
        <translation>The intake overview is not offered on this server.</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="386"/>
        <source>De periode is niet geldig; zie de gemarkeerde datum.</source>
        <translation>The period is not valid; see the highlighted date.</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="395"/>
        <source>Meldingen en adviesvragen ontvangen van %1 tot en met %2.</source>
        <translation>Reports and advice requests received from %1 up to and including %2.</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="422"/>
        <source>De bewaartermijnen van Veilig Thuis-dossiers zijn er alleen voor toezichthouders van Veilig Thuis.</source>
        <translation>The retention of Veilig Thuis files is for Veilig Thuis supervisors only.</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="434"/>
        <source>De komende %1 dagen wordt geen dossier vernietigd (bewaartermijn: %2 jaar na afsluiting).</source>
        <translation>No file is destroyed in the next %1 days (retention: %2 years after closure).</translation>
    </message>
    <message numerus="yes">
        <location filename="../supervision_view.cc" line="440"/>
        <source>%n dossier(s) bereiken de komende %1 dagen het einde van hun bewaartermijn (%2 jaar na afsluiting) en worden dan vernietigd, behalve bij een juridische blokkade.</source>
        <translation>
            <numerusform>%n file reaches the end of its retention (%2 years after closure) in the next %1 days and is then destroyed, unless under a legal hold.</numerusform>
            <numerusform>%n files reach the end of their retention (%2 years after closure) in the next %1 days and are then destroyed, unless under a legal hold.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="447"/>
        <location filename="../supervision_view.cc" line="480"/>
        <source> De lijst toont de eerste %1; er zijn er meer.</source>
        <translation> The list shows the first %1; there are more.</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="465"/>
        <source>De komende %1 dagen wordt geen MDA++-casus van uw organisatie vernietigd (bewaartermijn: %2 jaar na sluiting).</source>
        <translation>No MDA++ case of your organisation is destroyed in the next %1 days (retention: %2 years after closure).</translation>
    </message>
    <message numerus="yes">
        <location filename="../supervision_view.cc" line="472"/>
        <source>%n MDA++-casus(sen) waarin uw organisatie zat, bereiken de komende %1 dagen het einde van hun bewaartermijn (%2 jaar na sluiting) en worden dan vernietigd, met hun veiligheidsplan en overdrachten, behalve bij een juridische blokkade.</source>
        <translation>
            <numerusform>%n MDA++ case your organisation was on reaches the end of its retention (%2 years after closure) in the next %1 days and is then destroyed, with its safety plan and handovers, unless under a legal hold.</numerusform>
            <numerusform>%n MDA++ cases your organisation was on reach the end of their retention (%2 years after closure) in the next %1 days and are then destroyed, with their safety plans and handovers, unless under a legal hold.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="486"/>
        <source>Overdrachten</source>
        <translation>Handovers</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="490"/>
        <source>Intake: normen</source>
        <translation>Intake: norms</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="491"/>
        <source>Intake: cijfers</source>
        <translation>Intake: figures</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="493"/>
        <source>Vernietiging</source>
        <translation>Destruction</translation>
    </message>
    <message>
        <location filename="../supervision_view.cc" line="495"/>
        <source>Vernietiging: casussen</source>
        <translation>Destruction: cases</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::TransferDirectorDialog</name>
    <message>
        <location filename="../case_team_dialogs.cc" line="222"/>
        <source>Regie overdragen</source>
        <translation>Hand over lead responsibility</translation>
    </message>
    <message>
        <location filename="../case_team_dialogs.cc" line="223"/>
        <source>&amp;Overdragen</source>
        <translation>&amp;Hand over</translation>
    </message>
    <message>
        <location filename="../case_team_dialogs.cc" line="225"/>
        <source>Nieuwe casusregisseur</source>
        <translation>New case director</translation>
    </message>
    <message>
        <location filename="../case_team_dialogs.cc" line="228"/>
        <source>De nieuwe casusregisseur neemt de regie direct over; u blijft in het kernteam.</source>
        <translation>The new case director takes over lead responsibility immediately; you remain in the core team.</translation>
    </message>
    <message>
        <location filename="../case_team_dialogs.cc" line="232"/>
        <source>&amp;Nieuwe casusregisseur:</source>
        <translation>&amp;New case director:</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::TriageAssessmentForm</name>
    <message>
        <location filename="../triage_assessment_form.cc" line="94"/>
        <source>&amp;Acute onveiligheid</source>
        <translation>&amp;Acute unsafety</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="96"/>
        <source>&amp;Structurele onveiligheid</source>
        <translation>&amp;Structural unsafety</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="102"/>
        <source>Oordeel:</source>
        <translation>Judgement:</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="104"/>
        <source>Onderbouwing</source>
        <translation>Rationale</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="105"/>
        <source>O&amp;nderbouwing:</source>
        <translation>Ratio&amp;nale:</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="106"/>
        <source>Risicofactoren, één per regel</source>
        <translation>Risk factors, one per line</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="107"/>
        <source>&amp;Risicofactoren (één per regel):</source>
        <translation>&amp;Risk factors (one per line):</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="109"/>
        <source>Beschermende factoren, één per regel</source>
        <translation>Protective factors, one per line</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="110"/>
        <source>&amp;Beschermende factoren (één per regel):</source>
        <translation>&amp;Protective factors (one per line):</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="114"/>
        <source>Risicotaxatie-instrument</source>
        <translation>Risk assessment instrument</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="119"/>
        <source>Versie van het instrument</source>
        <translation>Version of the instrument</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="119"/>
        <source>versie</source>
        <translation>version</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="120"/>
        <source>Uitkomst van het instrument</source>
        <translation>Outcome of the instrument</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="121"/>
        <source>uitkomst, bijvoorbeeld hoog risico</source>
        <translation>outcome, e.g. high risk</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="126"/>
        <source>Risicota&amp;xatie:</source>
        <translation>Ris&amp;k assessment:</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="137"/>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="140"/>
        <source>R&amp;oute:</source>
        <translation>R&amp;oute:</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="150"/>
        <source>Einde bemoeienis</source>
        <translation>End of involvement</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="151"/>
        <source>Reden voor einde bemoeienis</source>
        <translation>Reason for end of involvement</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="152"/>
        <source>Reden (verplicht bij onveiligheid):</source>
        <translation>Reason (required if unsafe):</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="154"/>
        <source>Overdracht</source>
        <translation>Handover</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="155"/>
        <source>Ontvangende organisatie</source>
        <translation>Receiving organisation</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="156"/>
        <source>code van het lokale team of de hulpverlener</source>
        <translation>code of the local team or care provider</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="157"/>
        <source>Ontvangende organisatie:</source>
        <translation>Receiving organisation:</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="158"/>
        <source>Toelichting voor de ontvanger</source>
        <translation>Explanation for the receiver</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="159"/>
        <source>Toelichting:</source>
        <translation>Explanation:</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="162"/>
        <source>Voorwaarden en vervolg</source>
        <translation>Conditions and follow-up</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="163"/>
        <source>Veiligheidsvoorwaarden</source>
        <translation>Safety conditions</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="164"/>
        <source>Veiligheidsvoorwaarden (één per regel):</source>
        <translation>Safety conditions (one per line):</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="165"/>
        <source>Organisatie die het plan maakt</source>
        <translation>Organisation drawing up the plan</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="166"/>
        <source>code van de organisatie</source>
        <translation>code of the organisation</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="167"/>
        <source>Plan gemaakt door:</source>
        <translation>Plan drawn up by:</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="169"/>
        <source>Monitoringsdata</source>
        <translation>Monitoring dates</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="169"/>
        <source>dd-mm-jjjj, dd-mm-jjjj</source>
        <translation>dd-mm-yyyy, dd-mm-yyyy</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="170"/>
        <source>Monitoringsdata:</source>
        <translation>Monitoring dates:</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="173"/>
        <source>Onderzoek door Veilig Thuis</source>
        <translation>Investigation by Veilig Thuis</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="174"/>
        <source>Onderzoeker</source>
        <translation>Investigator</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="175"/>
        <source>code van een collega van Veilig Thuis</source>
        <translation>code of a Veilig Thuis colleague</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="176"/>
        <source>Onderzoeker:</source>
        <translation>Investigator:</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="179"/>
        <source>MDA++: inclusiecriteria (ten minste één) en reden</source>
        <translation>MDA++: inclusion criteria (at least one) and reason</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="180"/>
        <source>Structurele onveiligheid</source>
        <translation>Structural unsafety</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="181"/>
        <source>Structurele onveiligheid:</source>
        <translation>Structural unsafety:</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="182"/>
        <source>Reguliere hulp uitgeput</source>
        <translation>Regular help exhausted</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="183"/>
        <source>Reguliere hulp uitgeput:</source>
        <translation>Regular help exhausted:</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="184"/>
        <source>Geen samenhangende aanpak</source>
        <translation>No coherent approach</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="185"/>
        <source>Geen samenhangende aanpak:</source>
        <translation>No coherent approach:</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="186"/>
        <source>Herhaalde of voortdurende onveiligheid</source>
        <translation>Repeated or continuing unsafety</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="187"/>
        <source>Herhaalde onveiligheid:</source>
        <translation>Repeated unsafety:</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="188"/>
        <source>Reden voor MDA++</source>
        <translation>Reason for MDA++</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="189"/>
        <source>Reden voor MDA++:</source>
        <translation>Reason for MDA++:</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="190"/>
        <source>Casusregisseur</source>
        <translation>Case director</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="191"/>
        <source>code van de casusregisseur, als die al bekend is</source>
        <translation>code of the case director, if already known</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="192"/>
        <source>Casusregisseur:</source>
        <translation>Case director:</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="195"/>
        <source>Verzoek tot onderzoek aan de Raad voor de &amp;Kinderbescherming</source>
        <translation>Request for investigation by the &amp;Child Protection Board</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="197"/>
        <source>Reden voor het verzoek aan de Raad</source>
        <translation>Reason for the request to the Board</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="212"/>
        <source>Beoordeling &amp;vastleggen</source>
        <translation>Recor&amp;d assessment</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="214"/>
        <source>Veiligheidsbeoordeling vastleggen</source>
        <translation>Record safety assessment</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="360"/>
        <source>Beoordeling vastleggen…</source>
        <translation>Recording assessment…</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="387"/>
        <source>Beoordeling vastgelegd: %1.</source>
        <translation>Assessment recorded: %1.</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="396"/>
        <source>Niet vastgelegd: verbeter de gemarkeerde velden.</source>
        <translation>Not recorded: correct the highlighted fields.</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="402"/>
        <source>Niet vastgelegd: deze melding is al beoordeeld, of het is een adviesvraag die eerst een melding moet worden.</source>
        <translation>Not recorded: this report has already been assessed, or it is an advice request that must first become a report.</translation>
    </message>
    <message>
        <location filename="../triage_assessment_form.cc" line="406"/>
        <source>Niet vastgelegd: %1</source>
        <translation>Not recorded: %1</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::TriageFeedbackPanel</name>
    <message>
        <location filename="../triage_feedback.cc" line="48"/>
        <source>Ook &amp;afgeronde (laatste 30 dagen)</source>
        <translation>Include &amp;completed (last 30 days)</translation>
    </message>
    <message>
        <location filename="../triage_feedback.cc" line="57"/>
        <source>Terugkoppeltaken</source>
        <translation>Feedback tasks</translation>
    </message>
    <message>
        <location filename="../triage_feedback.cc" line="58"/>
        <source>Melding</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../triage_feedback.cc" line="58"/>
        <source>Moment</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../triage_feedback.cc" line="58"/>
        <source>Melder</source>
        <translation>Reporter</translation>
    </message>
    <message>
        <location filename="../triage_feedback.cc" line="58"/>
        <source>Uiterlijk</source>
        <translation>Due by</translation>
    </message>
    <message>
        <location filename="../triage_feedback.cc" line="59"/>
        <source>Nog</source>
        <translation>Remaining</translation>
    </message>
    <message>
        <location filename="../triage_feedback.cc" line="59"/>
        <source>Toegewezen aan</source>
        <translation>Assigned to</translation>
    </message>
    <message>
        <location filename="../triage_feedback.cc" line="59"/>
        <source>Stand</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../triage_feedback.cc" line="70"/>
        <source>Dubbelklik om de melding te tonen.</source>
        <translation>Double-click to show the report.</translation>
    </message>
    <message>
        <location filename="../triage_feedback.cc" line="74"/>
        <source>Wanneer teruggekoppeld</source>
        <translation>When feedback was given</translation>
    </message>
    <message>
        <location filename="../triage_feedback.cc" line="79"/>
        <source>Hoe teruggekoppeld</source>
        <translation>How feedback was given</translation>
    </message>
    <message>
        <location filename="../triage_feedback.cc" line="82"/>
        <source>Er is &amp;vervolg gestart</source>
        <translation>&amp;Follow-up has started</translation>
    </message>
    <message>
        <location filename="../triage_feedback.cc" line="86"/>
        <source>Wie het heeft overgenomen</source>
        <translation>Who has taken over</translation>
    </message>
    <message>
        <location filename="../triage_feedback.cc" line="89"/>
        <source>Het deel van de melder in de afspraken</source>
        <translation>The reporter&apos;s part in the agreements</translation>
    </message>
    <message>
        <location filename="../triage_feedback.cc" line="93"/>
        <source>Wat is gezegd</source>
        <translation>What was said</translation>
    </message>
    <message>
        <location filename="../triage_feedback.cc" line="99"/>
        <source>&amp;Wanneer:</source>
        <translation>&amp;When:</translation>
    </message>
    <message>
        <location filename="../triage_feedback.cc" line="100"/>
        <source>&amp;Hoe:</source>
        <translation>&amp;How:</translation>
    </message>
    <message>
        <location filename="../triage_feedback.cc" line="102"/>
        <source>&amp;Overgenomen door:</source>
        <translation>Taken &amp;over by:</translation>
    </message>
    <message>
        <location filename="../triage_feedback.cc" line="103"/>
        <source>&amp;Deel van de melder:</source>
        <translation>Reporter&apos;s &amp;part:</translation>
    </message>
    <message>
        <location filename="../triage_feedback.cc" line="104"/>
        <source>Wat is &amp;gezegd:</source>
        <translation>What was &amp;said:</translation>
    </message>
    <message>
        <location filename="../triage_feedback.cc" line="106"/>
        <source>&amp;Terugkoppeling vastleggen</source>
        <translation>&amp;Record feedback</translation>
    </message>
    <message>
        <location filename="../triage_feedback.cc" line="108"/>
        <source>Terugkoppeling aan de melder vastleggen</source>
        <translation>Record feedback to the reporter</translation>
    </message>
    <message>
        <location filename="../triage_feedback.cc" line="153"/>
        <source>Terugkoppeltaken laden…</source>
        <translation>Loading feedback tasks…</translation>
    </message>
    <message>
        <location filename="../triage_feedback.cc" line="167"/>
        <source>De terugkoppeltaken konden niet worden opgehaald: %1</source>
        <translation>The feedback tasks could not be retrieved: %1</translation>
    </message>
    <message>
        <location filename="../triage_feedback.cc" line="194"/>
        <source>Gegeven %1</source>
        <translation>Given %1</translation>
    </message>
    <message>
        <location filename="../triage_feedback.cc" line="194"/>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../triage_feedback.cc" line="195"/>
        <source>TE LAAT</source>
        <translation>OVERDUE</translation>
    </message>
    <message>
        <location filename="../triage_feedback.cc" line="199"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../triage_feedback.cc" line="220"/>
        <source>Open terugkoppelingen: %1, waarvan te laat: %2</source>
        <translation>Open feedback: %1, of which overdue: %2</translation>
    </message>
    <message>
        <location filename="../triage_feedback.cc" line="257"/>
        <source>Terugkoppeling vastleggen…</source>
        <translation>Recording feedback…</translation>
    </message>
    <message>
        <location filename="../triage_feedback.cc" line="296"/>
        <source>Terugkoppeling vastgelegd.</source>
        <translation>Feedback recorded.</translation>
    </message>
    <message>
        <location filename="../triage_feedback.cc" line="304"/>
        <source>Niet vastgelegd: verbeter de gemarkeerde velden.</source>
        <translation>Not recorded: correct the highlighted fields.</translation>
    </message>
    <message>
        <location filename="../triage_feedback.cc" line="309"/>
        <source>Niet vastgelegd: deze terugkoppeling is al vastgelegd of hoort niet bij deze melding.</source>
        <translation>Not recorded: this feedback has already been recorded or does not belong to this report.</translation>
    </message>
    <message>
        <location filename="../triage_feedback.cc" line="313"/>
        <source>Niet vastgelegd: %1</source>
        <translation>Not recorded: %1</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::TriageHandedPanel</name>
    <message>
        <location filename="../triage_handed.cc" line="55"/>
        <source>Meldingen die Veilig Thuis aan uw organisatie overdraagt. Veilig Thuis blijft verantwoordelijk tot u accepteert; bij weigeren beoordeelt Veilig Thuis opnieuw.</source>
        <translation>Reports that Veilig Thuis hands over to your organisation. Veilig Thuis remains responsible until you accept; if you decline, Veilig Thuis reassesses.</translation>
    </message>
    <message>
        <location filename="../triage_handed.cc" line="59"/>
        <source>Ook beantwoor&amp;de (laatste 90 dagen)</source>
        <translation>Include &amp;answered (last 90 days)</translation>
    </message>
    <message>
        <location filename="../triage_handed.cc" line="63"/>
        <source>Melding</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../triage_handed.cc" line="63"/>
        <source>Van</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../triage_handed.cc" line="63"/>
        <source>Beoordeeld</source>
        <translation>Assessed</translation>
    </message>
    <message>
        <location filename="../triage_handed.cc" line="63"/>
        <source>Geweld</source>
        <translation>Violence</translation>
    </message>
    <message>
        <location filename="../triage_handed.cc" line="63"/>
        <source>Stand</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../triage_handed.cc" line="64"/>
        <source>Antwoord uiterlijk</source>
        <translation>Reply by</translation>
    </message>
    <message>
        <location filename="../triage_handed.cc" line="65"/>
        <source>Overgedragen meldingen</source>
        <translation>Handed-over reports</translation>
    </message>
    <message>
        <location filename="../triage_handed.cc" line="70"/>
        <source>Gegevens van de overgedragen melding</source>
        <translation>Details of the handed-over report</translation>
    </message>
    <message>
        <location filename="../triage_handed.cc" line="73"/>
        <source>&amp;Beantwoorden…</source>
        <translation>&amp;Reply…</translation>
    </message>
    <message>
        <location filename="../triage_handed.cc" line="75"/>
        <source>Overgedragen melding accepteren of weigeren</source>
        <translation>Accept or decline a handed-over report</translation>
    </message>
    <message>
        <location filename="../triage_handed.cc" line="130"/>
        <source>Overgedragen meldingen laden…</source>
        <translation>Loading handed-over reports…</translation>
    </message>
    <message>
        <location filename="../triage_handed.cc" line="145"/>
        <source>De overgedragen meldingen konden niet worden opgehaald: %1</source>
        <translation>The handed-over reports could not be retrieved: %1</translation>
    </message>
    <message>
        <location filename="../triage_handed.cc" line="155"/>
        <source>Geen overgedragen meldingen.</source>
        <translation>No handed-over reports.</translation>
    </message>
    <message>
        <location filename="../triage_handed.cc" line="156"/>
        <source>Wachten op uw antwoord: %1</source>
        <translation>Waiting for your reply: %1</translation>
    </message>
    <message>
        <location filename="../triage_handed.cc" line="175"/>
        <source>%1, TE LAAT</source>
        <translation>%1, OVERDUE</translation>
    </message>
    <message>
        <location filename="../triage_handed.cc" line="176"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location filename="../triage_handed.cc" line="209"/>
        <source>Kies een overgedragen melding.</source>
        <translation>Choose a handed-over report.</translation>
    </message>
    <message>
        <location filename="../triage_handed.cc" line="214"/>
        <source>Overgedragen melding %1</source>
        <translation>Handed-over report %1</translation>
    </message>
    <message>
        <location filename="../triage_handed.cc" line="219"/>
        <source>ACUUT gemeld.</source>
        <translation>Reported as ACUTE.</translation>
    </message>
    <message>
        <location filename="../triage_handed.cc" line="221"/>
        <source>Van:</source>
        <translation>From:</translation>
    </message>
    <message>
        <location filename="../triage_handed.cc" line="222"/>
        <source>Aan:</source>
        <translation>To:</translation>
    </message>
    <message>
        <location filename="../triage_handed.cc" line="223"/>
        <source>Beoordeeld door:</source>
        <translation>Assessed by:</translation>
    </message>
    <message>
        <location filename="../triage_handed.cc" line="224"/>
        <source>Beoordeeld op:</source>
        <translation>Assessed on:</translation>
    </message>
    <message>
        <location filename="../triage_handed.cc" line="225"/>
        <source>Voorgesteld op:</source>
        <translation>Proposed on:</translation>
    </message>
    <message>
        <location filename="../triage_handed.cc" line="226"/>
        <source>Stand:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../triage_handed.cc" line="228"/>
        <source>Antwoord uiterlijk:</source>
        <translation>Reply by:</translation>
    </message>
    <message>
        <location filename="../triage_handed.cc" line="230"/>
        <source>Beantwoord door:</source>
        <translation>Answered by:</translation>
    </message>
    <message>
        <location filename="../triage_handed.cc" line="231"/>
        <source>Beantwoord op:</source>
        <translation>Answered on:</translation>
    </message>
    <message>
        <location filename="../triage_handed.cc" line="232"/>
        <source>Reden van weigeren:</source>
        <translation>Reason for declining:</translation>
    </message>
    <message>
        <location filename="../triage_handed.cc" line="233"/>
        <source>Notitie van Veilig Thuis:</source>
        <translation>Note from Veilig Thuis:</translation>
    </message>
    <message>
        <location filename="../triage_handed.cc" line="234"/>
        <source>Geweld:</source>
        <translation>Violence:</translation>
    </message>
    <message>
        <location filename="../triage_handed.cc" line="235"/>
        <source>Acuut onveilig:</source>
        <translation>Acutely unsafe:</translation>
    </message>
    <message>
        <location filename="../triage_handed.cc" line="235"/>
        <location filename="../triage_handed.cc" line="236"/>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../triage_handed.cc" line="235"/>
        <location filename="../triage_handed.cc" line="236"/>
        <source>nee</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../triage_handed.cc" line="236"/>
        <source>Structureel onveilig:</source>
        <translation>Structurally unsafe:</translation>
    </message>
    <message>
        <location filename="../triage_handed.cc" line="237"/>
        <source>Onderbouwing:</source>
        <translation>Rationale:</translation>
    </message>
    <message>
        <location filename="../triage_handed.cc" line="238"/>
        <source>Risicofactoren</source>
        <translation>Risk factors</translation>
    </message>
    <message>
        <location filename="../triage_handed.cc" line="239"/>
        <source>Beschermende factoren</source>
        <translation>Protective factors</translation>
    </message>
    <message>
        <location filename="../triage_handed.cc" line="240"/>
        <source>Personen</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../triage_handed.cc" line="244"/>
        <source>geboren %1</source>
        <translation>born %1</translation>
    </message>
    <message>
        <location filename="../triage_handed.cc" line="246"/>
        <source>BSN %1</source>
        <translation>BSN %1</translation>
    </message>
    <message>
        <location filename="../triage_handed.cc" line="261"/>
        <source>Overdracht van melding %1 geaccepteerd.</source>
        <translation>Handover of report %1 accepted.</translation>
    </message>
    <message>
        <location filename="../triage_handed.cc" line="262"/>
        <source>Overdracht van melding %1 geweigerd.</source>
        <translation>Handover of report %1 declined.</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::TriageQueue</name>
    <message>
        <location filename="../triage_queue.cc" line="110"/>
        <source>Triagewachtrij</source>
        <translation>Triage queue</translation>
    </message>
    <message>
        <location filename="../triage_queue.cc" line="120"/>
        <source>Melding</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../triage_queue.cc" line="114"/>
        <source>Soort</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../triage_queue.cc" line="118"/>
        <source>Ontvangen</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../triage_queue.cc" line="119"/>
        <source>Uiterlijk</source>
        <translation>Due by</translation>
    </message>
    <message>
        <location filename="../triage_queue.cc" line="113"/>
        <source>Nog</source>
        <translation>Remaining</translation>
    </message>
    <message>
        <location filename="../triage_queue.cc" line="112"/>
        <source>Signaal</source>
        <translation>Signal</translation>
    </message>
    <message>
        <location filename="../triage_queue.cc" line="117"/>
        <source>In behandeling bij</source>
        <translation>Being handled by</translation>
    </message>
    <message>
        <location filename="../triage_queue.cc" line="115"/>
        <source>Geweld</source>
        <translation>Violence</translation>
    </message>
    <message>
        <location filename="../triage_queue.cc" line="116"/>
        <source>Radar</source>
        <translation>Radar</translation>
    </message>
    <message>
        <location filename="../triage_queue.cc" line="132"/>
        <source>&amp;Oppakken</source>
        <translation>&amp;Pick up</translation>
    </message>
    <message>
        <location filename="../triage_queue.cc" line="134"/>
        <source>Geselecteerde melding oppakken</source>
        <translation>Pick up selected report</translation>
    </message>
    <message>
        <location filename="../triage_queue.cc" line="136"/>
        <source>U neemt de melding in behandeling; zij blijft in de wachtrij en de termijn loopt door.</source>
        <translation>You take the report into your hands; it stays in the queue and the deadline keeps running.</translation>
    </message>
    <message>
        <location filename="../triage_queue.cc" line="138"/>
        <source>&amp;Vrijgeven</source>
        <translation>&amp;Release</translation>
    </message>
    <message>
        <location filename="../triage_queue.cc" line="140"/>
        <source>Geselecteerde melding vrijgeven</source>
        <translation>Release selected report</translation>
    </message>
    <message>
        <location filename="../triage_queue.cc" line="145"/>
        <source>Bezig</source>
        <translation>Busy</translation>
    </message>
    <message>
        <location filename="../triage_queue.cc" line="151"/>
        <source>Sto&amp;ppen</source>
        <translation>&amp;Stop</translation>
    </message>
    <message>
        <location filename="../triage_queue.cc" line="153"/>
        <source>Laden van de wachtrij stoppen</source>
        <translation>Stop loading the queue</translation>
    </message>
    <message>
        <location filename="../triage_queue.cc" line="216"/>
        <source>Wachtrij laden…</source>
        <translation>Loading queue…</translation>
    </message>
    <message>
        <location filename="../triage_queue.cc" line="239"/>
        <source>De wachtrij kon niet worden opgehaald: %1</source>
        <translation>The queue could not be retrieved: %1</translation>
    </message>
    <message>
        <location filename="../triage_queue.cc" line="253"/>
        <source>Wachtrij laden… %1 van %2</source>
        <translation>Loading queue… %1 of %2</translation>
    </message>
    <message>
        <location filename="../triage_queue.cc" line="268"/>
        <source>Laden gestopt.</source>
        <translation>Loading stopped.</translation>
    </message>
    <message>
        <location filename="../triage_queue.cc" line="269"/>
        <source>Laden gestopt; de wachtrij toont de vorige stand.</source>
        <translation>Loading stopped; the queue shows the previous state.</translation>
    </message>
    <message>
        <location filename="../triage_queue.cc" line="292"/>
        <source>%1 (u)</source>
        <translation>%1 (you)</translation>
    </message>
    <message>
        <location filename="../triage_queue.cc" line="293"/>
        <source> sinds %1</source>
        <translation> since %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../triage_queue.cc" line="319"/>
        <source>%n eerder</source>
        <translation>
            <numerusform>%n earlier</numerusform>
            <numerusform>%n earlier</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../triage_queue.cc" line="320"/>
        <source> (herhaald)</source>
        <translation> (repeated)</translation>
    </message>
    <message>
        <location filename="../triage_queue.cc" line="323"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location filename="../triage_queue.cc" line="331"/>
        <source>geen termijn</source>
        <translation>no deadline</translation>
    </message>
    <message>
        <location filename="../triage_queue.cc" line="345"/>
        <source>De wachtrij is leeg.</source>
        <translation>The queue is empty.</translation>
    </message>
    <message>
        <location filename="../triage_queue.cc" line="346"/>
        <source>Open meldingen in de wachtrij: %1</source>
        <translation>Open reports in the queue: %1</translation>
    </message>
    <message>
        <location filename="../triage_queue.cc" line="361"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../triage_queue.cc" line="377"/>
        <source>ACUUT</source>
        <translation>ACUTE</translation>
    </message>
    <message>
        <location filename="../triage_queue.cc" line="378"/>
        <source>TE LAAT</source>
        <translation>OVERDUE</translation>
    </message>
    <message>
        <location filename="../triage_queue.cc" line="414"/>
        <source>Melding oppakken…</source>
        <translation>Picking up report…</translation>
    </message>
    <message>
        <location filename="../triage_queue.cc" line="414"/>
        <source>Melding vrijgeven…</source>
        <translation>Releasing report…</translation>
    </message>
    <message>
        <location filename="../triage_queue.cc" line="448"/>
        <source>Oppakken lukte niet: een collega heeft deze melding intussen opgepakt, of zij is al beoordeeld. De wachtrij is bijgewerkt.</source>
        <translation>Could not pick up: a colleague has picked up this report in the meantime, or it has already been assessed. The queue has been updated.</translation>
    </message>
    <message>
        <location filename="../triage_queue.cc" line="450"/>
        <source>Vrijgeven lukte niet: u houdt deze melding niet (meer) vast. De wachtrij is bijgewerkt.</source>
        <translation>Could not release: you are no longer holding this report (or never were). The queue has been updated.</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::TriageReportDialog</name>
    <message>
        <location filename="../triage_actions.cc" line="54"/>
        <source>Gegevens van de melding</source>
        <translation>Report details</translation>
    </message>
    <message>
        <location filename="../triage_actions.cc" line="64"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../triage_actions.cc" line="65"/>
        <source>Ontvangen: %1 (%2)</source>
        <translation>Received: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../triage_actions.cc" line="67"/>
        <source>Melder: %1</source>
        <translation>Reporter: %1</translation>
    </message>
    <message>
        <location filename="../triage_actions.cc" line="69"/>
        <source>Geweld: %1</source>
        <translation>Violence: %1</translation>
    </message>
    <message>
        <location filename="../triage_actions.cc" line="72"/>
        <source>In behandeling bij: %1</source>
        <translation>Being handled by: %1</translation>
    </message>
    <message>
        <location filename="../triage_actions.cc" line="80"/>
        <source>Melding opnieuw laden…</source>
        <translation>Reloading report…</translation>
    </message>
    <message>
        <location filename="../triage_actions.cc" line="95"/>
        <source>De melding kon niet opnieuw worden gelezen: %1</source>
        <translation>The report could not be reloaded: %1</translation>
    </message>
    <message>
        <location filename="../triage_actions.cc" line="102"/>
        <source>De melding is opnieuw gelezen. Controleer uw invoer en kies opnieuw OK.</source>
        <translation>The report has been reloaded. Check your input and choose OK again.</translation>
    </message>
    <message>
        <location filename="../triage_actions.cc" line="115"/>
        <source>U mag deze melding niet wijzigen, of zij bestaat niet.</source>
        <translation>You may not change this report, or it does not exist.</translation>
    </message>
    <message>
        <location filename="../triage_actions.cc" line="122"/>
        <source>Een collega heeft deze melding intussen gewijzigd.</source>
        <translation>A colleague has changed this report in the meantime.</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::TriageReportPanel</name>
    <message>
        <location filename="../triage_report_panel.cc" line="79"/>
        <source>Melding</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="82"/>
        <source>&lt;b&gt;Radar: eerdere meldingen over dezelfde personen of adressen&lt;/b&gt;</source>
        <translation>&lt;b&gt;Radar: earlier reports about the same people or addresses&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="91"/>
        <source>Radar</source>
        <translation>Radar</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="92"/>
        <source>Over</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="92"/>
        <source>Eerdere melding</source>
        <translation>Earlier report</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="92"/>
        <source>Soort</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="93"/>
        <source>Ontvangen</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="93"/>
        <source>Stand</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="93"/>
        <source>Overeenkomst</source>
        <translation>Match</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="103"/>
        <source>Om&amp;zetten in melding…</source>
        <translation>&amp;Convert to report…</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="105"/>
        <source>Adviesvraag omzetten in melding</source>
        <translation>Convert advice request to report</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="106"/>
        <source>De adviesvraag wordt een melding; de termijn van 5 werkdagen begint.</source>
        <translation>The advice request becomes a report; the 5-working-day deadline starts.</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="108"/>
        <source>Onderzoek a&amp;fronden…</source>
        <translation>Complete &amp;investigation…</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="110"/>
        <source>Onderzoek afronden</source>
        <translation>Complete investigation</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="114"/>
        <source>Dossier afsluiten</source>
        <translation>Close the file</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="116"/>
        <source>Voor een adviesvraag na het advies, en voor Voorwaarden &amp; Vervolg na het toezicht.</source>
        <translation>For an advice request once advised, and for Conditions &amp; Follow-up once the monitoring ended.</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="135"/>
        <location filename="../triage_report_panel.cc" line="199"/>
        <source>Kies een melding in de wachtrij.</source>
        <translation>Choose a report in the queue.</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="202"/>
        <source>Melding laden…</source>
        <translation>Loading report…</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="209"/>
        <source>De melding kon niet worden opgehaald: %1</source>
        <translation>The report could not be retrieved: %1</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="223"/>
        <source>De radar kon niet worden opgehaald: %1</source>
        <translation>The radar could not be retrieved: %1</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="285"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="290"/>
        <source>ACUUT: de melder schat de situatie nu als acuut onveilig in.</source>
        <translation>ACUTE: the reporter currently judges the situation to be acutely unsafe.</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="292"/>
        <source>Kanaal:</source>
        <translation>Channel:</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="293"/>
        <source>Ontvangen:</source>
        <translation>Received:</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="294"/>
        <source>Beoordeling uiterlijk:</source>
        <translation>Assessment due by:</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="295"/>
        <source>Acuut uiterlijk:</source>
        <translation>Acute due by:</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="296"/>
        <source>Stand:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="297"/>
        <source>In behandeling bij:</source>
        <translation>Being handled by:</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="299"/>
        <source>Omgezet in melding:</source>
        <translation>Converted to report:</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="301"/>
        <source>Kenmerk melder:</source>
        <translation>Reporter&apos;s reference:</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="304"/>
        <source>Melder</source>
        <translation>Reporter</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="305"/>
        <source>Soort:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="306"/>
        <source>Organisatie:</source>
        <translation>Organisation:</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="307"/>
        <source>Beroep:</source>
        <translation>Profession:</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="308"/>
        <source>Naam:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="309"/>
        <source>Contact:</source>
        <translation>Contact:</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="310"/>
        <source>Politiekenmerk:</source>
        <translation>Police reference:</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="311"/>
        <source>Anoniem:</source>
        <translation>Anonymous:</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="311"/>
        <source>ja (geen terugkoppeling)</source>
        <translation>yes (no feedback)</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="313"/>
        <source>Anoniem naar het gezin:</source>
        <translation>Anonymous towards the family:</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="313"/>
        <source>ja, noem de melder niet tegenover het gezin</source>
        <translation>yes, do not name the reporter to the family</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="316"/>
        <source>Personen</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="320"/>
        <source>geboren %1</source>
        <translation>born %1</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="322"/>
        <source>BSN %1</source>
        <translation>BSN %1</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="328"/>
        <source>Geweld:</source>
        <translation>Violence:</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="330"/>
        <source>Omschrijving</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="335"/>
        <source>Dossier afgesloten</source>
        <translation>File closed</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="336"/>
        <source>Afgesloten door:</source>
        <translation>Closed by:</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="337"/>
        <source>Afgesloten op:</source>
        <translation>Closed on:</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="338"/>
        <source>Reden:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="347"/>
        <source>Veiligheidsbeoordeling</source>
        <translation>Safety assessment</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="348"/>
        <source>Route:</source>
        <translation>Route:</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="349"/>
        <source>Beoordeeld door:</source>
        <translation>Assessed by:</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="350"/>
        <source>Beoordeeld op:</source>
        <translation>Assessed on:</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="351"/>
        <source>Acuut onveilig:</source>
        <translation>Acutely unsafe:</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="351"/>
        <location filename="../triage_report_panel.cc" line="352"/>
        <location filename="../triage_report_panel.cc" line="363"/>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="351"/>
        <location filename="../triage_report_panel.cc" line="352"/>
        <location filename="../triage_report_panel.cc" line="363"/>
        <source>nee</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="352"/>
        <source>Structureel onveilig:</source>
        <translation>Structurally unsafe:</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="353"/>
        <source>Onderbouwing:</source>
        <translation>Rationale:</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="355"/>
        <source>Onderzoeker:</source>
        <translation>Investigator:</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="356"/>
        <source>Onderzoek uiterlijk:</source>
        <translation>Investigation due by:</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="360"/>
        <source>Onderzoek afgerond</source>
        <translation>Investigation completed</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="361"/>
        <source>Afgerond door:</source>
        <translation>Completed by:</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="362"/>
        <source>Afgerond op:</source>
        <translation>Completed on:</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="363"/>
        <source>Binnen de termijn:</source>
        <translation>Within the deadline:</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="364"/>
        <source>Conclusie:</source>
        <translation>Conclusion:</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="365"/>
        <source>Vervolg:</source>
        <translation>Follow-up:</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="366"/>
        <source>Toelichting vervolg:</source>
        <translation>Follow-up explanation:</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="370"/>
        <source>Overdracht</source>
        <translation>Handover</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="371"/>
        <source>Aan:</source>
        <translation>To:</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="372"/>
        <source>Stand van de overdracht:</source>
        <translation>Handover status:</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="374"/>
        <source>Antwoord uiterlijk:</source>
        <translation>Reply by:</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="376"/>
        <source>Beantwoord door:</source>
        <translation>Answered by:</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="377"/>
        <source>Beantwoord op:</source>
        <translation>Answered on:</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="378"/>
        <source>Reden van weigeren:</source>
        <translation>Reason for declining:</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="381"/>
        <source>MDA++-casus:</source>
        <translation>MDA++ case:</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="239"/>
        <source>Eerdere meldingen: %1 (laatste 12 maanden: %2).</source>
        <translation>Earlier reports: %1 (last 12 months: %2).</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="112"/>
        <source>&amp;Dossier afsluiten…</source>
        <translation>C&amp;lose the file…</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="242"/>
        <source>HERHAALDE MELDING: twee of meer in de laatste 12 maanden.</source>
        <translation>REPEAT REPORT: two or more in the last 12 months.</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="243"/>
        <source>Er loopt een MDA++-casus uit een eerdere melding.</source>
        <translation>There is an ongoing MDA++ case from an earlier report.</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="251"/>
        <source>, lopende MDA++-casus</source>
        <translation>, ongoing MDA++ case</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="269"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../triage_report_panel.cc" line="275"/>
        <source>adres %1</source>
        <translation>address %1</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::TriageSignalsPanel</name>
    <message>
        <location filename="../triage_signals.cc" line="51"/>
        <source>Herinneringen en escalaties</source>
        <translation>Reminders and escalations</translation>
    </message>
    <message>
        <location filename="../triage_signals.cc" line="52"/>
        <source>Melding</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../triage_signals.cc" line="52"/>
        <source>Termijn</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../triage_signals.cc" line="52"/>
        <source>Soort</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../triage_signals.cc" line="52"/>
        <source>Uiterlijk</source>
        <translation>Due by</translation>
    </message>
    <message>
        <location filename="../triage_signals.cc" line="53"/>
        <source>Aan</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../triage_signals.cc" line="53"/>
        <source>Gemaakt</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../triage_signals.cc" line="53"/>
        <source>Tekst</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../triage_signals.cc" line="58"/>
        <source>Dubbelklik om de melding te tonen.</source>
        <translation>Double-click to show the report.</translation>
    </message>
    <message>
        <location filename="../triage_signals.cc" line="74"/>
        <source>Signalen laden…</source>
        <translation>Loading signals…</translation>
    </message>
    <message>
        <location filename="../triage_signals.cc" line="87"/>
        <source>De signalen konden niet worden opgehaald: %1</source>
        <translation>The signals could not be retrieved: %1</translation>
    </message>
    <message>
        <location filename="../triage_signals.cc" line="117"/>
        <source>het team</source>
        <translation>the team</translation>
    </message>
    <message>
        <location filename="../triage_signals.cc" line="122"/>
        <source>toezichthouders</source>
        <translation>supervisors</translation>
    </message>
    <message>
        <location filename="../triage_signals.cc" line="97"/>
        <source>Geen herinneringen of escalaties in de laatste 30 dagen.</source>
        <translation>No reminders or escalations in the last 30 days.</translation>
    </message>
    <message>
        <location filename="../triage_signals.cc" line="98"/>
        <source>Herinneringen en escalaties: %1</source>
        <translation>Reminders and escalations: %1</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::TriageView</name>
    <message>
        <location filename="../triage_view.cc" line="38"/>
        <source>&lt;h2&gt;Triage&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Triage&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../triage_view.cc" line="39"/>
        <source>&amp;Vernieuwen (F5)</source>
        <translation>&amp;Refresh (F5)</translation>
    </message>
    <message>
        <location filename="../triage_view.cc" line="40"/>
        <source>Triage vernieuwen</source>
        <translation>Refresh triage</translation>
    </message>
    <message>
        <location filename="../triage_view.cc" line="44"/>
        <source>Meldingnummer om te tonen</source>
        <translation>Report number to show</translation>
    </message>
    <message>
        <location filename="../triage_view.cc" line="45"/>
        <source>Meldingnummer</source>
        <translation>Report number</translation>
    </message>
    <message>
        <location filename="../triage_view.cc" line="47"/>
        <source>Meldingn&amp;ummer:</source>
        <translation>Report &amp;number:</translation>
    </message>
    <message>
        <location filename="../triage_view.cc" line="49"/>
        <source>To&amp;nen</source>
        <translation>Sho&amp;w</translation>
    </message>
    <message>
        <location filename="../triage_view.cc" line="51"/>
        <source>Melding met dit nummer tonen</source>
        <translation>Show the report with this number</translation>
    </message>
    <message>
        <location filename="../triage_view.cc" line="83"/>
        <source>&amp;Melding en radar</source>
        <translation>Re&amp;port and radar</translation>
    </message>
    <message>
        <location filename="../triage_view.cc" line="84"/>
        <source>&amp;Beoordeling</source>
        <translation>&amp;Assessment</translation>
    </message>
    <message>
        <location filename="../triage_view.cc" line="94"/>
        <source>&amp;Wachtrij</source>
        <translation>&amp;Queue</translation>
    </message>
    <message>
        <location filename="../triage_view.cc" line="95"/>
        <source>&amp;Terugkoppeling</source>
        <translation>&amp;Feedback</translation>
    </message>
    <message>
        <location filename="../triage_view.cc" line="96"/>
        <source>&amp;Signalen</source>
        <translation>&amp;Signals</translation>
    </message>
    <message>
        <location filename="../triage_view.cc" line="97"/>
        <source>Over&amp;gedragen meldingen</source>
        <translation>&amp;Handed-over reports</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::WithdrawHandoverDialog</name>
    <message>
        <location filename="../handover_dialogs.cc" line="246"/>
        <source>Overdracht intrekken</source>
        <translation>Withdraw handover</translation>
    </message>
    <message>
        <location filename="../handover_dialogs.cc" line="247"/>
        <source>&amp;Intrekken</source>
        <translation>&amp;Withdraw</translation>
    </message>
    <message>
        <location filename="../handover_dialogs.cc" line="249"/>
        <source>Reden van intrekken</source>
        <translation>Reason for withdrawing</translation>
    </message>
    <message>
        <location filename="../handover_dialogs.cc" line="250"/>
        <source>&amp;Reden (optioneel):</source>
        <translation>&amp;Reason (optional):</translation>
    </message>
</context>
</TS>
