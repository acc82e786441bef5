<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="nl">
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
    <name>InboxKind</name>
    <message>
        <location filename="../inbox_view.cc" line="50"/>
        <source>Overdracht wacht op antwoord</source>
        <translation>Handover awaiting answer</translation>
    </message>
    <message>
        <location filename="../inbox_view.cc" line="52"/>
        <source>Herinnering overdracht</source>
        <translation>Handover reminder</translation>
    </message>
    <message>
        <location filename="../inbox_view.cc" line="54"/>
        <source>Escalatie: niet op tijd geaccepteerd</source>
        <translation>Escalation: not accepted in time</translation>
    </message>
    <message>
        <location filename="../inbox_view.cc" line="56"/>
        <source>Escalatie: geen eerste contact</source>
        <translation>Escalation: no first contact</translation>
    </message>
    <message>
        <location filename="../inbox_view.cc" line="58"/>
        <source>Eerste contact bevestigen</source>
        <translation>Confirm first contact</translation>
    </message>
    <message>
        <location filename="../inbox_view.cc" line="60"/>
        <source>Overdracht</source>
        <translation>Handover</translation>
    </message>
    <message>
        <location filename="../inbox_view.cc" line="67"/>
        <source>Herinnering veiligheidsplan</source>
        <translation>Safety plan reminder</translation>
    </message>
    <message>
        <location filename="../inbox_view.cc" line="69"/>
        <source>Escalatie veiligheidsplan</source>
        <translation>Safety plan escalation</translation>
    </message>
    <message>
        <location filename="../inbox_view.cc" line="71"/>
        <source>Incident</source>
        <translation>Incident</translation>
    </message>
    <message>
        <location filename="../inbox_view.cc" line="73"/>
        <source>Veiligheidsplan</source>
        <translation>Safety plan</translation>
    </message>
</context>
<context>
    <name>NotBuiltPage</name>
    <message>
        <location filename="../main_window.cc" line="46"/>
        <source>Nog niet gebouwd: dit onderdeel komt in een volgende versie van Schakel.</source>
        <translation>Not built yet: this part comes in a later version of Schakel.</translation>
    </message>
</context>
<context>
    <name>View</name>
    <message>
        <location filename="../views.cc" line="40"/>
        <source>Triage</source>
        <translation>Triage</translation>
    </message>
    <message>
        <location filename="../views.cc" line="42"/>
        <source>Mijn casussen</source>
        <translation>My cases</translation>
    </message>
    <message>
        <location filename="../views.cc" line="44"/>
        <source>Inbox</source>
        <translation>Inbox</translation>
    </message>
    <message>
        <location filename="../views.cc" line="46"/>
        <source>Toezicht</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <location filename="../views.cc" line="48"/>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::InboxView</name>
    <message>
        <location filename="../inbox_view.cc" line="118"/>
        <source>&lt;h2&gt;Inbox&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Inbox&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../inbox_view.cc" line="119"/>
        <source>&amp;Vernieuwen (F5)</source>
        <translation>&amp;Refresh (F5)</translation>
    </message>
    <message>
        <location filename="../inbox_view.cc" line="120"/>
        <source>Inbox vernieuwen</source>
        <translation>Refresh inbox</translation>
    </message>
    <message>
        <location filename="../inbox_view.cc" line="129"/>
        <source>Inbox</source>
        <translation>Inbox</translation>
    </message>
    <message>
        <location filename="../inbox_view.cc" line="131"/>
        <source>Soort</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../inbox_view.cc" line="131"/>
        <source>Casus</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../inbox_view.cc" line="131"/>
        <source>Uiterlijk</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../inbox_view.cc" line="131"/>
        <source>Omschrijving</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../inbox_view.cc" line="155"/>
        <source>Laden…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../inbox_view.cc" line="164"/>
        <source>%1 (te laat)</source>
        <translation>%1 (overdue)</translation>
    </message>
    <message>
        <location filename="../inbox_view.cc" line="181"/>
        <source>Er wacht niets op u.</source>
        <translation>Nothing is waiting for you.</translation>
    </message>
    <message>
        <location filename="../inbox_view.cc" line="182"/>
        <source>Aantal items: %1</source>
        <translation>Items: %1</translation>
    </message>
    <message>
        <location filename="../inbox_view.cc" line="187"/>
        <source>Niet alles kon worden opgehaald: %1</source>
        <translation>Not everything could be fetched: %1</translation>
    </message>
    <message>
        <location filename="../inbox_view.cc" line="142"/>
        <source>Verbinding met de server verbroken; opnieuw verbinden…</source>
        <translation>Connection to the server lost; reconnecting…</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::MainWindow</name>
    <message>
        <location filename="../main_window.cc" line="62"/>
        <source>Schakel</source>
        <translation>Schakel</translation>
    </message>
    <message>
        <location filename="../main_window.cc" line="67"/>
        <source>Aangemeld als</source>
        <translation>Signed in as</translation>
    </message>
    <message>
        <location filename="../main_window.cc" line="72"/>
        <source>Onderdelen</source>
        <translation>Views</translation>
    </message>
    <message>
        <location filename="../main_window.cc" line="79"/>
        <source>Ctrl+%1</source>
        <translation>Ctrl+%1</translation>
    </message>
    <message>
        <location filename="../main_window.cc" line="86"/>
        <source>Uw rollen geven geen toegang tot een onderdeel van deze toepassing. Neem contact op met uw beheerder.</source>
        <translation>Your roles give no access to any part of this program. Please contact your administrator.</translation>
    </message>
    <message>
        <location filename="../main_window.cc" line="104"/>
        <source>Verbonden met %1</source>
        <translation>Connected to %1</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::MyCasesView</name>
    <message>
        <location filename="../my_cases_view.cc" line="50"/>
        <source>&lt;h2&gt;Mijn casussen&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;My cases&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../my_cases_view.cc" line="51"/>
        <source>&amp;Vernieuwen (F5)</source>
        <translation>&amp;Refresh (F5)</translation>
    </message>
    <message>
        <location filename="../my_cases_view.cc" line="52"/>
        <source>Mijn casussen vernieuwen</source>
        <translation>Refresh my cases</translation>
    </message>
    <message>
        <location filename="../my_cases_view.cc" line="61"/>
        <source>Mijn casussen</source>
        <translation>My cases</translation>
    </message>
    <message>
        <location filename="../my_cases_view.cc" line="62"/>
        <source>Kenmerk</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location filename="../my_cases_view.cc" line="62"/>
        <source>Mijn rol</source>
        <translation>My role</translation>
    </message>
    <message>
        <location filename="../my_cases_view.cc" line="62"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../my_cases_view.cc" line="62"/>
        <source>Geopend</source>
        <translation>Opened</translation>
    </message>
    <message>
        <location filename="../my_cases_view.cc" line="63"/>
        <source>Open acties</source>
        <translation>Open actions</translation>
    </message>
    <message>
        <location filename="../my_cases_view.cc" line="63"/>
        <source>Te laat</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../my_cases_view.cc" line="82"/>
        <source>Laden…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../my_cases_view.cc" line="113"/>
        <source>U staat op geen enkele casus.</source>
        <translation>You are not on any case.</translation>
    </message>
    <message>
        <location filename="../my_cases_view.cc" line="114"/>
        <source>Aantal casussen: %1</source>
        <translation>Cases: %1</translation>
    </message>
</context>
<context>
    <name>schakel::desktop::SignInDialog</name>
    <message>
        <location filename="../sign_in_dialog.cc" line="39"/>
        <source>Aanmelden bij Schakel</source>
        <translation>Sign in to Schakel</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="48"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="51"/>
        <source>host:poort</source>
        <translation>host:port</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="52"/>
        <source>Certificaatbestand</source>
        <translation>Certificate file</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="54"/>
        <source>Sleutelbestand</source>
        <translation>Key file</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="56"/>
        <source>CA-bestand</source>
        <translation>CA file</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="65"/>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="69"/>
        <source>Bladeren…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="70"/>
        <source>Bladeren: %1</source>
        <translation>Browse: %1</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="76"/>
        <source>&amp;Certificaat (PEM):</source>
        <translation>&amp;Certificate (PEM):</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="76"/>
        <source>Certificaat kiezen</source>
        <translation>Choose certificate</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="77"/>
        <source>&amp;Sleutel (PEM):</source>
        <translation>&amp;Key (PEM):</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="77"/>
        <source>Sleutel kiezen</source>
        <translation>Choose key</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="78"/>
        <source>C&amp;A (PEM):</source>
        <translation>C&amp;A (PEM):</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="78"/>
        <source>CA-certificaat kiezen</source>
        <translation>Choose CA certificate</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="83"/>
        <source>Meldingen</source>
        <translation>Messages</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="85"/>
        <source>Aanmelden</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="88"/>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="106"/>
        <source>PEM-bestanden (*.pem *.crt *.key);;Alle bestanden (*)</source>
        <translation>PEM files (*.pem *.crt *.key);;All files (*)</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="114"/>
        <source>Het certificaatbestand</source>
        <translation>The certificate file</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="115"/>
        <source>Het sleutelbestand</source>
        <translation>The key file</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="116"/>
        <source>Het CA-bestand</source>
        <translation>The CA file</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="119"/>
        <source>%1 is niet gekozen.</source>
        <translation>%1 has not been chosen.</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="121"/>
        <source>%1 „%2” bestaat niet.</source>
        <translation>%1 “%2” does not exist.</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="123"/>
        <source>%1 „%2” kan niet worden gelezen.</source>
        <translation>%1 “%2” cannot be read.</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="131"/>
        <source>Het sleutelbestand „%1” is ook voor anderen leesbaar. Maak het alleen voor uzelf leesbaar (chmod 600 %1).</source>
        <translation>The key file “%1” can be read by others too. Make it readable for you alone (chmod 600 %1).</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="142"/>
        <source>Vul het adres van de server in (host:poort).</source>
        <translation>Enter the address of the server (host:port).</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="164"/>
        <source>Bezig met aanmelden…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="184"/>
        <source>De certificaatbestanden konden niet worden gelezen: %1</source>
        <translation>The certificate files could not be read: %1</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="197"/>
        <source>Uw certificaat wordt niet (meer) geaccepteerd. Neem contact op met uw beheerder.</source>
        <translation>Your certificate is not (or no longer) accepted. Please contact your administrator.</translation>
    </message>
    <message>
        <location filename="../sign_in_dialog.cc" line="202"/>
        <source>Aangemeld als %1</source>
        <translation>Signed in as %1</translation>
    </message>
</context>
</TS>
