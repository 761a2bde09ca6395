"""Messages of the documents layer in Mongolian (first) and English.

The documents package runs without Django (``shudarga parse`` and ``score`` need no
settings), so it keeps its own small catalogue instead of Django's gettext. A message is
chosen by a stable code and filled with named parameters.
"""

from __future__ import annotations

import os

LANGUAGES = ("mn", "en")
DEFAULT_LANGUAGE = "mn"

MESSAGES: dict[str, dict[str, str]] = {
    # Errors that refuse a whole file.
    "file_missing": {"mn": "файл олдсонгүй", "en": "file not found"},
    "file_unreadable": {
        "mn": "файлыг уншиж чадсангүй ({reason})",
        "en": "cannot read the file ({reason})",
    },
    "file_empty": {"mn": "файл хоосон байна", "en": "the file is empty"},
    "file_too_large": {
        "mn": "файл хэт том байна ({size} байт; дээд хэмжээ {limit} байт)",
        "en": "the file is too large ({size} bytes; the limit is {limit} bytes)",
    },
    "sheet_too_large": {
        "mn": 'Excel-ийн "{sheet}" хуудас хэт том байна: {rows} мөр, {columns} баганаас цааш '
        "текст бичсэн; тайлангийн хүснэгтийг тусад нь хадгалж оруулна уу",
        "en": 'the Excel sheet "{sheet}" is too large: it has text beyond {rows} rows or '
        "{columns} columns; save the report table on its own and import that",
    },
    "file_binary": {
        "mn": "текст файл биш, хоёртын өгөгдөл агуулж байна",
        "en": "not a text file: it holds binary data",
    },
    "file_encoding": {
        "mn": "текст UTF-8 кодчилолтой биш байна (байт {offset})",
        "en": "the text is not UTF-8 (byte {offset})",
    },
    "no_table": {
        "mn": "төлөвлөгөөний хүснэгт олдсонгүй (зорилт, арга хэмжээний мөр алга)",
        "en": "no plan table found (no objective or measure rows)",
    },
    "json_invalid": {"mn": "JSON алдаатай: {reason}", "en": "invalid JSON: {reason}"},
    "json_format": {
        "mn": "Шударга тайлангийн JSON биш: {reason}",
        "en": "not a Shudarga report JSON: {reason}",
    },
    "legacy_font": {
        "mn": "хуучин монгол фонтоор (Arial Mon г.м.) бичсэн текстийн Є, Ї үсгийг Ө, Ү болгов (мөр {row}-өөс); шалгана уу",
        "en": "text typed in an old Mongolian font (Arial Mon etc.): its Є, Ї were read as Ө, Ү (from row {row}); please check",
    },
    "pdf_no_text": {
        "mn": "PDF файлд текст алга (сканнердсан зураг байж магадгүй): тайланг Word, Excel эсвэл текст давхаргатай PDF-ээр илгээнэ үү",
        "en": "the PDF holds no text (it may be a scanned image): send the report as Word, Excel or a PDF with a text layer",
    },
    "pdf_too_many_pages": {
        "mn": "PDF хэт олон хуудастай ({pages}; дээд хэмжээ {limit}): зөвхөн тайлангийн хүснэгтийг илгээнэ үү",
        "en": "the PDF has too many pages ({pages}; the limit is {limit}): send the report's table alone",
    },
    "converter_missing": {
        "mn": "хуучин {kind} файлыг хөрвүүлэх {program} программ энэ серверт суугаагүй байна; файлыг .docx эсвэл .xlsx болгон хадгалаад илгээнэ үү",
        "en": "the program {program} that converts old {kind} files is not installed on this server; save the file as .docx or .xlsx and send it again",
    },
    "convert_failed": {
        "mn": "хуучин {kind} файлыг хөрвүүлж чадсангүй ({reason}); .docx эсвэл .xlsx болгон хадгалаад дахин илгээнэ үү",
        "en": "the old {kind} file could not be converted ({reason}); save it as .docx or .xlsx and send it again",
    },
    "format_unknown": {
        "mn": "файлын төрлийг таньсангүй ({kind})",
        "en": "unsupported file type ({kind})",
    },
    # Files that look like reports but cannot be opened.
    "format_legacy": {
        "mn": "хуучин {kind} форматын файлыг уншихгүй; Word/Excel-ээр .docx эсвэл .xlsx болгон хадгалаад дахин илгээнэ үү",
        "en": "old {kind} files cannot be read; save it as .docx or .xlsx in Word/Excel and send it again",
    },
    "file_encrypted": {
        "mn": "файл нууц үгээр хамгаалагдсан; нууц үггүйгээр хадгалаад дахин илгээнэ үү",
        "en": "the file is password-protected; save it without a password and send it again",
    },
    "file_corrupt": {
        "mn": "{kind} файл гэмтсэн тул нээж чадсангүй; эх файлаас дахин хадгалж илгээнэ үү",
        "en": "the {kind} file is damaged and cannot be opened; save it again from the original",
    },
    "file_bomb": {
        "mn": "файл задлахад хэт том болно ({packed} байт → {unpacked} байт); аюулгүй байдлын үүднээс татгалзав",
        "en": "the file would unpack to far more than it weighs ({packed} bytes → {unpacked} bytes); refused for safety",
    },
    # Bulk imports: folders and archives.
    "archive_corrupt": {
        "mn": "ZIP архив эвдэрсэн байна ({reason})",
        "en": "the ZIP archive is damaged ({reason})",
    },
    "archive_too_many": {
        "mn": "архивт хэт олон файл байна ({count}; дээд тоо {limit})",
        "en": "the archive holds too many files ({count}; the limit is {limit})",
    },
    "archive_bomb": {
        "mn": "архив задлахад хэт том болно ({packed} байт → {unpacked} байт); аюулгүй байдлын үүднээс татгалзав",
        "en": "the archive would unpack to far more than it weighs ({packed} bytes → {unpacked} bytes); refused for safety",
    },
    "not_a_folder": {
        "mn": "хавтас эсвэл ZIP архив биш байна",
        "en": "not a folder or a ZIP archive",
    },
    # The command line and the services behind it.
    "org_outside": {
        "mn": "«{name}» байгууллага таны хариуцдаг хүрээнд хамаарахгүй",
        "en": "«{name}» is not an organization under the nodes you review",
    },
    "org_not_found": {
        "mn": "«{name}» нэртэй байгууллага олдсонгүй (шинээр үүсгэх бол --create-org нэмнэ үү)",
        "en": "no organization named «{name}» (add --create-org to create it)",
    },
    "org_unnamed": {
        "mn": "байгууллагын нэр гарчигт алга; --org НЭР өгнө үү",
        "en": "the title names no organization; give --org NAME",
    },
    "org_ambiguous": {
        "mn": "«{name}» нэр хэд хэдэн байгууллагад таарч байна: {candidates}; аль нэгийг нь "
        "--org-оор (вэбэд жагсаалтаас) сонгоно уу, эсвэл файлыг аймгийн нэртэй хавтсанд хийнэ үү",
        "en": "«{name}» matches several organizations: {candidates}; choose one with --org "
        "(in the web, from the list), or put the file in a folder named after its aimag",
    },
    "org_not_found_in_place": {
        "mn": "{place}-д «{name}» нэртэй байгууллага олдсонгүй (өөр аймгийнхыг авахгүй; "
        "шинээр үүсгэх бол --create-org нэмнэ үү)",
        "en": "no organization named «{name}» in {place} (one of another aimag is not taken; "
        "add --create-org to create it)",
    },
    "year_missing": {
        "mn": "тайлангийн он тодорхойгүй (гарчигт он алга)",
        "en": "the report's year is unknown (the title has no year)",
    },
    "scale_missing": {
        "mn": "үнэлгээний шатлалын код алга",
        "en": "the document's scale has no code",
    },
    "report_duplicate": {
        "mn": "{organization}: {year} оны {period} тайлан аль хэдийн бүртгэгдсэн",
        "en": "{organization} already has a {period} report for {year}",
    },
    "file_unwritable": {
        "mn": "файл бичиж чадсангүй ({reason})",
        "en": "cannot write the file ({reason})",
    },
    "node_not_found": {"mn": "#{id} дугаартай нэгж алга", "en": "there is no node #{id}"},
    "user_not_found": {
        "mn": "«{name}» хэрэглэгч алга (идэвхтэй администратор ч алга)",
        "en": "no user «{name}» (and no active administrator)",
    },
    "zip_written": {"mn": "{file}: {count} тайлан", "en": "{file}: {count} reports"},
    "files_enqueued": {
        "mn": "{count} нийтлэлийн файлыг бичих ажил дараалалд орлоо",
        "en": "{count} publications queued for their files to be written",
    },
    "jobs_pruned": {
        "mn": "{days} хоногоос өмнө дууссан {count} ажлыг файлтай нь устгалаа",
        "en": "{count} jobs finished over {days} days ago deleted with their files",
    },
    "job_failed": {"mn": "ажил амжилтгүй: {reason}", "en": "the job failed: {reason}"},
    "report_not_found": {"mn": "#{id} дугаартай тайлан алга", "en": "there is no report #{id}"},
    "scale_mismatch": {
        "mn": "төлөвлөгөө «{plan_scale}» үнэлгээний шатлалтай, баримт «{document_scale}» шатлалтай",
        "en": "the plan uses scale «{plan_scale}» but the document uses «{document_scale}»",
    },
    "value_too_large": {
        "mn": "{where}{field} талбарын утга {value} хэт урт эсвэл том байна",
        "en": "{where}the value {value} of {field} is too long or too large",
    },
    "text_too_long": {
        "mn": "{where}{column}: текст хэт урт байна ({length} тэмдэгт; дээд хэмжээ {limit})",
        "en": "{where}{column}: the text is too long ({length} characters; the limit is {limit})",
    },
    "text_control": {
        "mn": "{where}{column}: текстэд бичигдэхгүй тэмдэгт ({char}) байна; түүнийг арилгана уу",
        "en": "{where}{column}: the text holds a control character ({char}); remove it",
    },
    "number_out_of_range": {
        "mn": "{where}{column}: {value} гэсэн тоо хэт их эсвэл тоо биш байна",
        "en": "{where}{column}: the number {value} is too large or not a number",
    },
    "too_many_objectives": {
        "mn": "баримтад зорилт хэт олон байна ({count}; дээд хэмжээ {limit})",
        "en": "the document has too many objectives ({count}; the limit is {limit})",
    },
    "too_many_measures": {
        "mn": "баримтад арга хэмжээ хэт олон байна ({count}; дээд хэмжээ {limit})",
        "en": "the document has too many measures ({count}; the limit is {limit})",
    },
    "render_too_large": {
        "mn": "{kind} файл үүсгэхэд баримт хэт том байна ({size} тэмдэгт, {count} арга хэмжээ; "
        "дээд хэмжээ {limit} тэмдэгт, {max_count} арга хэмжээ); XLSX эсвэл CSV-ээр татна уу",
        "en": "the document is too large to write as {kind} ({size} characters, {count} measures; "
        "the limit is {limit} characters, {max_count} measures); download it as XLSX or CSV",
    },
    "imported": {
        "mn": "Хадгалав: тайлан #{id} — {organization}, {year}, {period}: {objectives} зорилт, {measures} арга хэмжээ, нэгдсэн дүн {total}",
        "en": "Saved report #{id} — {organization}, {year}, {period}: {objectives} objectives, {measures} measures, consolidated result {total}",
    },
    # shudarga backup and shudarga restore (shudarga.ops).
    "backup_written": {
        "mn": "Нөөц хадгалав: {file} — {vendor} өгөгдлийн сан {database} байт, {files} файл, архив {size} байт, {seconds} сек",
        "en": "Backup written: {file} — {vendor} database {database} bytes, {files} files, archive {size} bytes, {seconds} s",
    },
    "restored": {
        "mn": "Сэргээв: {file} ({created}, Шударга {version}) — {vendor} өгөгдлийн сан {database} байт, {files} файл, {seconds} сек",
        "en": "Restored {file} ({created}, Shudarga {version}) — {vendor} database {database} bytes, {files} files, {seconds} s",
    },
    "backup_object_area": {
        "mn": "«{area}» файлууд {where} дотор: архивт ороогүй, тэдгээрийг bucket-ийн хувилбарууд (versioning) хадгална",
        "en": "the «{area}» files are in {where}: not in the archive, the bucket's versioning keeps them",
    },
    "restore_migrate": {
        "mn": "Нөөц энэ хувилбараас хуучин: {count} шилжүүлэг хийгдээгүй; «manage.py migrate» ажиллуулна уу (scripts/serve эхлэхдээ хийнэ)",
        "en": "The backup predates this version: {count} migrations are not applied; run «manage.py migrate» (scripts/serve does at start)",
    },
    "backup_exists": {
        "mn": "файл аль хэдийн байна; өөр нэр эсвэл хавтас өгнө үү",
        "en": "the file already exists; give another name or a folder",
    },
    "backup_not_archive": {
        "mn": "Шударгын нөөц архив биш эсвэл гэмтсэн ({reason}); юу ч өөрчлөгдсөнгүй",
        "en": "not a Shudarga backup archive, or a damaged one ({reason}); nothing was changed",
    },
    "backup_format": {
        "mn": "нөөцийн {version} хувилбарын форматыг энэ Шударга уншихгүй; юу ч өөрчлөгдсөнгүй",
        "en": "this Shudarga cannot read backup format version {version}; nothing was changed",
    },
    "backup_checksum": {
        "mn": "архивын «{name}» гэмтсэн (хэмжээ эсвэл sha256 таарахгүй); юу ч өөрчлөгдсөнгүй",
        "en": "the archive's «{name}» is damaged (its size or sha256 differs); nothing was changed",
    },
    "backup_member_missing": {
        "mn": "архивт «{name}» алга; юу ч өөрчлөгдсөнгүй",
        "en": "the archive lacks «{name}»; nothing was changed",
    },
    "backup_member_unexpected": {
        "mn": "архивт жагсаалтад ороогүй «{name}» байна; юу ч өөрчлөгдсөнгүй",
        "en": "the archive holds «{name}», which its manifest does not list; nothing was changed",
    },
    "backup_vendor": {
        "mn": "нөөц {archive} өгөгдлийн сангийнх, энэ систем {target} ашиглаж байна; {archive} сантай систем рүү сэргээнэ үү",
        "en": "the backup is of a {archive} database and this instance runs {target}; restore it into a {archive} instance",
    },
    "backup_vendor_unknown": {
        "mn": "{vendor} өгөгдлийн санг нөөцлөхгүй (SQLite эсвэл PostgreSQL)",
        "en": "cannot back up a {vendor} database (SQLite or PostgreSQL only)",
    },
    "backup_newer": {
        "mn": "нөөцийг Шударгын шинэ хувилбар хийсэн ({migrations}); эхлээд Шударгаа шинэчилнэ үү",
        "en": "the backup was made by a newer Shudarga ({migrations}); upgrade this one first",
    },
    "backup_area_unknown": {
        "mn": "нөөцөд энэ системд байхгүй файлын хэсэг байна: {areas}",
        "en": "the backup holds file areas this instance does not have: {areas}",
    },
    "restore_not_empty": {
        "mn": "сэргээх систем өгөгдөлтэй байна ({users} хэрэглэгч, {organizations} байгууллага, {plans} төлөвлөгөө, {files} файл); солих бол --force нэмнэ үү",
        "en": "this instance already holds data ({users} users, {organizations} organizations, {plans} plans, {files} files); add --force to replace it",
    },
    "backup_tool_missing": {
        "mn": "{tool} программ олдсонгүй (Debian: apt-get install postgresql-client)",
        "en": "the {tool} program is not installed (Debian: apt-get install postgresql-client)",
    },
    "backup_tool_failed": {
        "mn": "{tool} амжилтгүй: {reason}",
        "en": "{tool} failed: {reason}",
    },
    "restore_failed": {
        "mn": "{tool} амжилтгүй: {reason}; өгөгдлийн сан, файлууд өөрчлөгдсөнгүй",
        "en": "{tool} failed: {reason}; the database and the files were not changed",
    },
    # Warnings a reader attaches to the document.
    "cell_moved": {
        "mn": "{measure}: «{fragment}» хэсэг «{source}» баганаас «{target}» багана руу шилжүүлэв; үгийн дарааллыг шалгана уу",
        "en": "{measure}: moved «{fragment}» from the {source} column to the {target} column; check the word order",
    },
    "achieved_split": {
        "mn": "{measure}: хүрсэн түвшний бичвэр арга хэмжээний нүдэнд нийлсэн байсныг салгав; шалгана уу",
        "en": "{measure}: achieved text had run into the measure cell and was split off; please check",
    },
    "number_unreadable": {
        "mn": "{measure}: «{value}» тоо биш тул зарцуулсан хөрөнгийг хоосон орхив",
        "en": "{measure}: «{value}» is not a number; money spent left empty",
    },
    "row_orphan": {
        "mn": "{row}-р мөр зорилт, арга хэмжээнд хамаарахгүй тул энд хадгалав: «{text}»",
        "en": "row {row} belongs to no objective or measure and is kept here: «{text}»",
    },
    "cell_unread": {
        "mn": "{row}-р мөр ({measure}): «{column}» баганыг аль ч талбарт оруулдаггүй тул утгыг энд хадгалав: «{text}»",
        "en": "row {row} ({measure}): no field takes the column «{column}», its value is kept here: «{text}»",
    },
    "row_sums": {
        "mn": "{row}-р мөр нийлбэрийн мөр тул арга хэмжээнд оруулсангүй: «{text}»",
        "en": "row {row} is a row of sums and belongs to no measure: «{text}»",
    },
    "score_unreadable": {
        "mn": "{measure}: «{value}» үнэлгээг шатлалаас танисангүй тул оноог хоосон орхив",
        "en": "{measure}: «{value}» is no score of the scale; the score is left empty",
    },
    "score_points": {
        "mn": "{measure}: «{value}» оноог {top} онооны шатлалаас хувь руу шилжүүлж {score}% гэж уншив",
        "en": "{measure}: read «{value}» points of {top} as {score}%",
    },
    "rating_extra": {
        "mn": "{measure}: нэг арга хэмжээнд хэд хэдэн үнэлгээ байна; сүүлийнхийг авч, «{text}»-г энд хадгалав",
        "en": "{measure}: the measure has several ratings; the last was taken and «{text}» is kept here",
    },
    "duplicate_measure": {
        "mn": "{measure}: арга хэмжээний дугаар давхардсан",
        "en": "{measure}: measure number appears twice",
    },
    "row_skipped": {
        "mn": "{row}-р мөр хуудасны дугаар эсвэл үзэлтийн тоолуур мэт тул алгасав: «{text}»",
        "en": "row {row} looks like a page number or a page-view counter and was skipped: «{text}»",
    },
    "measure_numbered": {
        "mn": "{measure}: дугааргүй арга хэмжээнд дараалсан дугаар олгов; шалгана уу",
        "en": "{measure}: the measure had no number and was numbered in sequence; please check",
    },
    # Integrity checks (documents.checks): a measure's narrative against its target.
    "check_score_without_evidence_cannot_tell": {
        "mn": "{measure}: өөрийн үнэлгээ {score} боловч хүрсэн түвшинд хүрэх түвшний ({target}) тоо дурдагдаагүй",
        "en": "{measure}: self-scored {score}, but the narrative never gives the number the target asks for ({target})",
    },
    "check_score_without_evidence_not_met": {
        "mn": "{measure}: өөрийн үнэлгээ {score} боловч хүрсэн түвшин хүрэх түвшинд ({target}) хүрээгүй: {found}",
        "en": "{measure}: self-scored {score}, but the narrative falls short of the target ({target}): {found}",
    },
    "check_target_vague": {
        "mn": "{measure}: «{target}» хүрэх түвшинд тоо хэмжээ алга тул биелэлтийг хэмжих боломжгүй; тоо, нэгжийг бичнэ үү (жишээ нь «50-аас доошгүй албан хаагч»)",
        "en": "{measure}: the target «{target}» has no quantity, so its achievement cannot be measured; write a number and a unit (e.g. «at least 50 civil servants»)",
    },
    "check_target_vague_missing": {
        "mn": "{measure}: хүрэх түвшин, шалгуур үзүүлэлт бичигдээгүй тул биелэлтийг хэмжих боломжгүй",
        "en": "{measure}: no target level or indicator is written, so its achievement cannot be measured",
    },
    "check_stated_total_disagrees": {
        "mn": "{measure}: хүрсэн түвшинд «нийт {total}» гэсэн боловч дурдсан тоонуудын нийлбэр {sum} байна",
        "en": "{measure}: the narrative says «in all {total}» but the numbers it lists add up to {sum}",
    },
    "check_stated_total_disagrees_report": {
        "mn": "Тайланд бичсэн нэгдсэн дүн {stated}% тооцоолсон дүн {computed}%-тай тохирохгүй байна",
        "en": "The stated consolidated result {stated}% does not agree with the computed {computed}%",
    },
    "check_narrative_copied_last_year": {
        "mn": "{measure}: хүрсэн түвшний бичвэр өмнөх оны тайлангийн {other} арга хэмжээнийхтэй {similarity}% ижил байна",
        "en": "{measure}: the narrative is {similarity}% the same as measure {other} of last year's report",
    },
    "check_narrative_copied_other_org": {
        "mn": "{measure}: хүрсэн түвшний бичвэр «{organization}»-ын тайлангийн {other} арга хэмжээнийхтэй {similarity}% ижил байна",
        "en": "{measure}: the narrative is {similarity}% the same as measure {other} of «{organization}»'s report",
    },
    "check_narrative_copied_other_hidden": {
        "mn": "{measure}: хүрсэн түвшний бичвэр өөр байгууллагын тайлангийн {other} арга хэмжээнийхтэй {similarity}% ижил байна",
        "en": "{measure}: the narrative is {similarity}% the same as measure {other} of another organization's report",
    },
    "check_flag_score_without_evidence": {
        "mn": "Нотолгоогүй үнэлгээ",
        "en": "Score without evidence",
    },
    "check_flag_target_vague": {"mn": "Тоон бус хүрэх түвшин", "en": "Vague target"},
    "check_flag_narrative_copied": {"mn": "Хуулбар бичвэр", "en": "Copied narrative"},
    "check_flag_stated_total_disagrees": {"mn": "Нийлбэр зөрсөн", "en": "Total disagrees"},
    "check_verdict_met": {"mn": "Хүрсэн", "en": "Met"},
    "check_verdict_not_met": {"mn": "Хүрээгүй", "en": "Not met"},
    "check_verdict_cannot_tell": {"mn": "Тодорхойгүй", "en": "Cannot tell"},
    "check_verdict_no_quantity": {"mn": "Тоон түвшингүй", "en": "No quantity"},
}


# Column names, for messages that say where a piece of text was found or put.
COLUMNS: dict[str, dict[str, str]] = {
    "number": {"mn": "Д/д", "en": "No."},
    "text": {"mn": "Хэрэгжүүлэх арга хэмжээ", "en": "measure"},
    "spent": {"mn": "Зарцуулсан хөрөнгө", "en": "money spent"},
    "indicator": {"mn": "Шалгуур үзүүлэлт", "en": "indicator"},
    "target": {"mn": "Хүрэх түвшин", "en": "target level"},
    "achieved": {"mn": "Хүрсэн түвшин", "en": "achieved level"},
    "score": {"mn": "Хувь", "en": "score"},
    "planned_budget": {"mn": "Төсөв", "en": "planned budget"},
    "responsible_unit": {"mn": "Хариуцах нэгж", "en": "responsible unit"},
    "deadline": {"mn": "Хугацаа", "en": "deadline"},
    "objective": {"mn": "Зорилт", "en": "objective"},
    "rating": {"mn": "Үнэлгээ", "en": "rating"},
    "title": {"mn": "Гарчиг", "en": "title"},
    "file": {"mn": "Файлын нэр", "en": "file name"},
    "organization": {"mn": "Байгууллага", "en": "organization"},
    "scale": {"mn": "Үнэлгээний шатлал", "en": "scale"},
}


PERIODS: dict[str, dict[str, str]] = {
    "annual": {"mn": "жилийн эцсийн", "en": "annual"},
    "half_year": {"mn": "хагас жилийн", "en": "half-year"},
}
# Parameters whose values are codes shown by their name in the message's language.
_NAMED_VALUES = {"source": COLUMNS, "target": COLUMNS, "column": COLUMNS, "period": PERIODS}


def current_language() -> str:
    """The language of command-line output: SHUDARGA_LANG, else LANG, else Mongolian."""
    for var in ("SHUDARGA_LANG", "LANGUAGE", "LANG"):
        value = os.environ.get(var, "")[:2].lower()
        if value in LANGUAGES:
            return value
    return DEFAULT_LANGUAGE


def message(code: str, lang: str | None = None, **params: object) -> str:
    """The text of message ``code`` in ``lang`` with ``params`` filled in."""
    lang = lang or current_language()
    templates = MESSAGES[code]
    shown = {
        key: _NAMED_VALUES[key][value].get(lang, value)
        if key in _NAMED_VALUES and value in _NAMED_VALUES[key]
        else value
        for key, value in params.items()
    }
    return templates.get(lang, templates[DEFAULT_LANGUAGE]).format(**shown)
