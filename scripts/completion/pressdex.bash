# bash completion for pressdex-search and pressdex-index.
# Installed into share/bash-completion/completions (as both names).

_pressdex_search() {
  local cur prev
  COMPREPLY=()
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD-1]}
  case $prev in
    --db) COMPREPLY=($(compgen -d -- "$cur")); return ;;
    --format) COMPREPLY=($(compgen -W "text json jsonl tsv csv paths count" -- "$cur")); return ;;
    --sort) COMPREPLY=($(compgen -W "relevance newest oldest" -- "$cur")); return ;;
    --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
    --facet)
      COMPREPLY=($(compgen -W "org issuer topic lang place source date date:year date:month date:day" -- "$cur"))
      return ;;
    --fields)
      # A comma-separated list: complete the last item.
      local done=${cur%"${cur##*,}"} last=${cur##*,}
      local f all="rank score date title path id place source lang issuer orgs topics snippet url duplicates"
      COMPREPLY=()
      for f in $all; do [[ $f == "$last"* ]] && COMPREPLY+=("$done$f"); done
      compopt -o nospace 2>/dev/null
      return ;;
    --lang) COMPREPLY=($(compgen -W "en id ms vi th km lo my zh ja tl fr de es" -- "$cur")); return ;;
    --synonyms) COMPREPLY=($(compgen -f -X '!*.toml' -- "$cur")); compopt -o plusdirs 2>/dev/null; return ;;
    --like) COMPREPLY=($(compgen -f -- "$cur")); compopt -o filenames 2>/dev/null; return ;;
    -n|--limit|--offset) return ;;
  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "--db -n --limit --offset --any --all --sort --lang --facet --facets --format --fields
      --no-header -0 --null --exact --batch --explain --like --no-collapse --synonyms --color --help --version" \
      -- "$cur"))
  else
    COMPREPLY=($(compgen -W "org: issuer: topic: lang: place: source: date: exact: title:" -- "$cur"))
    compopt -o nospace 2>/dev/null
  fi
}

_pressdex_index() {
  local cur prev
  COMPREPLY=()
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD-1]}
  case $prev in
    --db) COMPREPLY=($(compgen -d -- "$cur")); return ;;
    --orgs|--taxonomy) COMPREPLY=($(compgen -f -X '!*.toml' -- "$cur")); compopt -o plusdirs 2>/dev/null; return ;;
    --date-order) COMPREPLY=($(compgen -W "dmy mdy" -- "$cur")); return ;;
    --format) COMPREPLY=($(compgen -W "text json" -- "$cur")); return ;;
    --lang) COMPREPLY=($(compgen -W "en id ms vi th km lo my zh ja tl fr de es" -- "$cur")); return ;;
    --max-size|--batch-size|-j|--jobs|--shards|--time-zone) return ;;
    --bulk) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "--db --lang --date-order --time-zone --orgs --taxonomy --max-size --batch-size -j --jobs --shards --bulk --compact --progress --follow-symlinks
      --rebuild -n --dry-run --wait --format -v --verbose -q --quiet --help --version" -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
    compopt -o filenames 2>/dev/null
  fi
}

complete -F _pressdex_search pressdex-search
complete -F _pressdex_index pressdex-index
