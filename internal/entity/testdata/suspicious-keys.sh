#!/bin/sh
# Lists suspicious entity keys by kind, with counts, from a dossier SQLite store:
#   dossier --db r.db ingest ../shared/data/reuters21578/reut2-00[0-1].sgm && sh suspicious-keys.sh r.db
# Diagnostic for issue 3 (entity keys on wire copy); needs sqlite3.
DB=$1
q() { sqlite3 -separator '|' "$DB" "$1"; }
cnt() { echo "== $1: keys=$(q "select count(distinct entity_key) from entity_mentions where $2") mentions=$(q "select count(*) from entity_mentions where $2")"; q "select entity_key, count(*) from entity_mentions where $2 group by 1 order by 2 desc limit ${3:-15}" | sed 's/^/   /'; }
TW="' '||replace(substr(entity_key,8),'-',' ')||' '"
titlecond="entity_key like 'person:%' and ("
for w in exchequer secretary minister governor spokesman spokeswoman chairman president chancellor treasury director chief executive officer senator minister deputy analyst economist official ambassador commissioner manager vice; do titlecond="$titlecond $TW like '% $w %' or"; done
titlecond="$titlecond 0)"
cnt "title words in person keys" "$titlecond" 40
cnt "possessive / quote in key" "entity_key like '%''%' or entity_key like '%\"%'" 30
cnt "other punctuation in key (,;()<>&/)" "entity_key glob '*[,;()<>/]*'" 30
cnt "leading/trailing hyphen or dot" "entity_key glob '*:-*' or entity_key glob '*-' or entity_key glob '*.'" 15
orgcond="entity_key like 'person:%' and ("
for w in inc corp co bank group ltd plc company corporation association board fund trust securities motors industries international; do orgcond="$orgcond ' '||substr(entity_key,8)||' ' like '% $w %' or"; done
orgcond="$orgcond 0)"
cnt "org words in person keys" "$orgcond" 30
cnt "person keys with 4+ words" "entity_key like 'person:%' and length(entity_key)-length(replace(entity_key,' ',''))>=3" 30
cnt "fed variants" "entity_key like 'org:%fed%' or entity_key like '%federal reserve%'" 20
ctry="entity_key not like 'country:%' and ("
for w in u.s us usa "united states" america japan britain "west germany" "soviet union" ussr uk "united kingdom" china france canada brazil mexico italy "south korea" taiwan; do ctry="$ctry substr(entity_key,instr(entity_key,':')+1) = '$w' or"; done
ctry="$ctry 0)"
cnt "country names not keyed as country" "$ctry" 30
rest="substr(entity_key,instr(entity_key,':')+1)"
cnt "legal form / table abbreviation / ordinal alone" "$rest in ('co','inc','ltd','corp','llc','plc','cos','co ltd','co inc','oper','shr','cts','dlrs','mln','pct','qtr','revs','avg') or $rest glob '[0-9]*th' or $rest glob '[0-9]*st' or $rest glob '[0-9]*nd' or $rest glob '[0-9]*rd'" 20
cnt "US state abbreviations as places" "entity_key in ('place:calif','place:ny','place:nj','place:fla','place:mass','place:mich','place:tex','place:ill','place:conn','place:wisc','place:wis','place:ga','place:pa','place:va','place:minn','place:colo','place:ohio-x','place:okla','place:ariz','place:md','place:mo','place:ind','place:tenn','place:ky','place:ore','place:wash','place:nc','place:sc','place:kan','place:neb','place:nev','place:ala','place:ark','place:del','place:nh','place:nm','place:ri','place:vt','place:wyo','place:mont','place:miss','place:utah-x')" 20
cnt "known bodies not keyed to gazetteer (EC/SEC/USDA/HK/Fed board)" "entity_key in ('org:european community','misc:european community','org:european economic community','org:eec','org:securities and exchange commission','org:sec','org:usda','org:us agriculture department','org:agriculture department','place:hk','org:hk','org:federal reserve board','org:us federal reserve board','org:federal reserve system')" 20
orgcond2="entity_key like 'person:%' and ("
for w in inc corp co bank group ltd plc company corporation association board fund trust securities motors industries international pharmaceuticals trucks press engineers democrats republicans systems stores foods insurance savings cassa caisse banco banca electronics airways airlines holdings institute university party; do orgcond2="$orgcond2 ' '||replace(substr(entity_key,8),'''s','')||' ' like '% $w %' or"; done
orgcond2="$orgcond2 0)"
cnt "organisation words in person keys (wide list)" "$orgcond2" 20
