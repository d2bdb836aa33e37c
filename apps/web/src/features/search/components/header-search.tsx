import { ActionIcon, Box, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';

/** The words of the search page's address (?q=…), so the box shows what was searched. */
function searchedText(pathname: string, search: string): string {
  return pathname === '/search' ? (new URLSearchParams(search).get('q') ?? '') : '';
}

/**
 * The header's search box: Enter opens the search page. It stays this small because the app
 * shell is in the first page load; the search page itself is a lazy chunk. For the same reason its
 * strings are in the shared namespace: the shell never waits for the search namespace.
 */
export function HeaderSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [text, setText] = useState(() => searchedText(location.pathname, location.search));

  useEffect(() => {
    setText(searchedText(location.pathname, location.search));
  }, [location.pathname, location.search]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const q = text.trim();
    void navigate(q ? `/search?q=${encodeURIComponent(q)}` : '/search');
  };

  return (
    <>
      <Box component="form" role="search" onSubmit={submit} aria-label={t('search.label')} visibleFrom="lg">
        <TextInput
          w={{ lg: 220, xl: 280 }}
          leftSection={<IconSearch size={16} />}
          placeholder={t('search.headerPlaceholder')}
          aria-label={t('search.label')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          enterKeyHint="search"
          data-testid="header-search"
        />
      </Box>
      <ActionIcon
        component={Link}
        to="/search"
        hiddenFrom="lg"
        variant="subtle"
        color="gray"
        size="lg"
        aria-label={t('search.label')}
        data-testid="header-search-link"
      >
        <IconSearch size={20} />
      </ActionIcon>
    </>
  );
}
