document.addEventListener('DOMContentLoaded', () => {
    document.querySelectorAll('td.price').forEach((cell) => { cell.title = 'price in EUR'; });
});
