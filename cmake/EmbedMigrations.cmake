# schakel_embed_migrations(TARGET <lib> TRACK <name> DIR <schema dir>)
#
# Compiles every schema/<track>/NNNN_*.sql file into <lib> as a static table, so the binaries carry
# their migrations and never read SQL from disk at run time. Adding a file re-runs the configure step.
function(schakel_embed_migrations)
  cmake_parse_arguments(ARG "" "TARGET;TRACK;DIR" "" ${ARGN})
  file(GLOB sql_files CONFIGURE_DEPENDS "${ARG_DIR}/[0-9][0-9][0-9][0-9]_*.sql")
  list(SORT sql_files)
  set(entries "")
  foreach(sql IN LISTS sql_files)
    get_filename_component(name "${sql}" NAME)
    string(SUBSTRING "${name}" 0 4 version)
    math(EXPR version "${version}")
    file(READ "${sql}" body)
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${sql}")
    set_property(TARGET ${ARG_TARGET} APPEND PROPERTY SOURCES "${sql}")
    set_source_files_properties("${sql}" PROPERTIES HEADER_FILE_ONLY ON)
    string(APPEND entries "    {${version}, \"${name}\", R\"schakel_sql(${body})schakel_sql\"},\n")
  endforeach()
  string(MAKE_C_IDENTIFIER "${ARG_TRACK}" ident)
  set(out "${CMAKE_CURRENT_BINARY_DIR}/migrations_${ident}.cc")
  file(CONFIGURE OUTPUT "${out}" CONTENT
"// Generated from ${ARG_DIR} by cmake/EmbedMigrations.cmake. Do not edit.
#include \"services/common/migrations.h\"

namespace schakel::migrations {

const MigrationTrack& ${ident}_track() {
  static const Migration kMigrations[] = {
${entries}  };
  static const MigrationTrack kTrack{\"${ARG_TRACK}\", kMigrations};
  return kTrack;
}

}  // namespace schakel::migrations
")
  target_sources(${ARG_TARGET} PRIVATE "${out}")
endfunction()
